/**
 * The scale bench's material: every page of the Debian Handbook in its 26
 * languages as plain text, cut into article-sized pieces at paragraph
 * boundaries. Document `i` is piece `i mod pieces` with a marker unique to `i`
 * in its title, so any count is reached deterministically and no document is a
 * duplicate of another. Documents are made on demand: 100,000 of them do not
 * fit in memory comfortably as strings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { htmlToRoughText } from '../../tests/unit/support/corpusPages';

export const handbookDir = '/usr/share/doc/debian-handbook/html';
/** Pieces are cut once they reach MIN_PIECE bytes of text, before they pass MAX_PIECE. */
const MIN_PIECE = 2_000;
const MAX_PIECE = 6_000;
/** `dossier import` is called once per subfolder of this many files. */
export const FILES_PER_FOLDER = 2_000;

export interface Piece {
  language: string;
  title: string;
  paragraphs: string[];
}

export interface ScaleDocument {
  index: number;
  language: string;
  /** Unique to the document: a word that is nowhere else in the corpus. */
  marker: string;
  title: string;
  body: string;
}

export function handbookLanguages(): string[] {
  if (!fs.existsSync(handbookDir)) return [];
  return fs
    .readdirSync(handbookDir)
    .filter((name) => /^[a-z]{2}-[A-Z]{2}$/.test(name))
    .sort();
}

/**
 * Every language's pieces, interleaved (one of each language in turn) and in
 * an order fixed by a hash of their titles, so any prefix mixes scripts and
 * chapters (some chapters are still untranslated in some languages).
 */
export function loadPieces(): Piece[] {
  const byLanguage = handbookLanguages().map((language) => {
    const dir = path.join(handbookDir, language);
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.html'))
      .sort()
      .flatMap((name) => cutPage(language, fs.readFileSync(path.join(dir, name), 'utf8')))
      .map((piece) => ({ piece, order: fnv1a(piece.title) }))
      .sort((a, b) => a.order - b.order)
      .map(({ piece }) => piece);
  });
  const pieces: Piece[] = [];
  const longest = Math.max(0, ...byLanguage.map((list) => list.length));
  for (let i = 0; i < longest; i++) {
    for (const list of byLanguage) {
      const piece = list[i];
      if (piece) pieces.push(piece);
    }
  }
  return pieces;
}

export function documentAt(pieces: readonly Piece[], index: number): ScaleDocument {
  const piece = pieces[index % pieces.length]!;
  const marker = `dsb${index}`;
  return {
    index,
    language: piece.language,
    marker,
    title: `${piece.title} · ${marker}`,
    body: piece.paragraphs.join('\n\n'),
  };
}

/** The plain-text shape the importer reads: the title line, a blank line, the body. */
export function fileText(document: ScaleDocument): string {
  return `${document.title}\n\n${document.body}\n`;
}

/**
 * Writes `count` documents as .txt files into subfolders of FILES_PER_FOLDER;
 * returns the subfolders and the bytes of text written.
 */
export function writeDocuments(
  pieces: readonly Piece[],
  count: number,
  folder: string,
): { subfolders: string[]; textBytes: number } {
  const subfolders: string[] = [];
  let textBytes = 0;
  for (let index = 0; index < count; index++) {
    const subfolder = path.join(
      folder,
      String(Math.floor(index / FILES_PER_FOLDER)).padStart(3, '0'),
    );
    if (index % FILES_PER_FOLDER === 0) {
      fs.mkdirSync(subfolder, { recursive: true });
      subfolders.push(subfolder);
    }
    const text = fileText(documentAt(pieces, index));
    textBytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(subfolder, `${String(index).padStart(6, '0')}.txt`), text);
  }
  return { subfolders, textBytes };
}

/** A handbook page's paragraphs grouped into pieces of MIN_PIECE to MAX_PIECE bytes. */
function cutPage(language: string, html: string): Piece[] {
  const pageTitle = pageTitleOf(html);
  const pieces: Piece[] = [];
  let current: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (current.length === 0) return;
    pieces.push({ language, title: `${pageTitle} (${pieces.length + 1})`, paragraphs: current });
    current = [];
    bytes = 0;
  };
  for (const paragraph of pageParagraphs(html)) {
    const size = Buffer.byteLength(paragraph) + 2;
    if (bytes > 0 && bytes + size > MAX_PIECE) flush();
    current.push(paragraph);
    bytes += size;
    if (bytes >= MIN_PIECE) flush();
  }
  // A short tail joins the piece before it when that stays under MAX_PIECE.
  const last = pieces[pieces.length - 1];
  const tailBytes = current.reduce((sum, p) => sum + Buffer.byteLength(p) + 2, 0);
  if (last && tailBytes < MIN_PIECE && totalBytes(last) + tailBytes <= MAX_PIECE) {
    last.paragraphs.push(...current);
    current = [];
  }
  flush();
  return pieces;
}

/** FNV-1a: a stable order that does not follow the chapters. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function totalBytes(piece: Piece): number {
  return piece.paragraphs.reduce((sum, p) => sum + Buffer.byteLength(p) + 2, 0);
}

function pageTitleOf(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? 'Debian Handbook';
  return htmlToRoughText(title).replace(/\s+/g, ' ').trim();
}

/**
 * The page's body without the navigation, one string per block element. Inline
 * elements (code, links, emphasis) stay inside their paragraph, unlike
 * htmlToRoughText alone, which breaks the line at every tag.
 */
function pageParagraphs(html: string): string[] {
  const body = html
    .replace(/^[\s\S]*?<body[^>]*>/i, '')
    .replace(/<ul class="docnav[\s\S]*?<\/ul>/gi, '')
    .replace(/<div id="banner">[\s\S]*?<\/div>/i, '')
    .replace(/<p id="title">[\s\S]*?<\/p>/i, '')
    .replace(
      /<\/?(p|div|h[1-6]|li|pre|tr|td|th|table|dt|dd|ul|ol|dl|blockquote|br)\b[^>]*>/gi,
      '\n\n',
    )
    .replace(/<[^>]*>/g, '');
  return htmlToRoughText(body)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0);
}
