import { parseHTML } from 'linkedom';
import { NO_METADATA, type DocumentMetadata } from '../../../shared/documentModel';
import { DossierError } from '../../../shared/errors';
import { cleanField, MAX_EXCERPT } from '../html/oneLine';
import { direction, isoDate, languageTag } from '../html/pageMetadata';
import type { NestingBudget } from '../nestingBudget';
import type { ZipArchive } from '../zip/readZip';
import { attributeNamed, elementsNamed, parseXml, textsOf } from '../zip/xmlParts';
import { findInZip, resolveInZip } from './zipPaths';

/** What an EPUB's package document (OPF) says about the book. */
export interface EpubPackage {
  title: string | null;
  metadata: DocumentMetadata;
  /** The chapters to read, in reading order: paths inside the zip. */
  chapters: string[];
}

const CONTAINER = 'META-INF/container.xml';
const HTML_TYPES = new Set(['application/xhtml+xml', 'text/html']);

/**
 * Finds the package document through META-INF/container.xml and reads the
 * book's metadata and its spine: the linear XHTML documents in order (a
 * navigation document that is not in the spine as linear is left out, as
 * are images, other non-HTML spine items and items missing from the zip).
 */
export function readPackage(
  zip: ZipArchive,
  fileName: string,
  nesting: NestingBudget,
): EpubPackage {
  const container = zip.readText(CONTAINER);
  if (container === null) {
    throw new DossierError(
      'unsupported',
      `${fileName} is not an EPUB book: it has no ${CONTAINER}. It may be another kind of zip archive.`,
    );
  }
  const rootfile = elementsNamed(parseXml(container, nesting), 'rootfile')
    .map((element) => element.getAttribute('full-path'))
    .find((path) => path);
  const resolved = rootfile ? resolveInZip(rootfile, '') : null;
  const opfPath = resolved ? findInZip(zip, resolved) : null;
  const opf = opfPath ? zip.readText(opfPath) : null;
  if (!opfPath || opf === null) {
    throw new DossierError(
      'unsupported',
      `${fileName} is a damaged EPUB book: its package document ${rootfile ?? '(not named)'} is missing.`,
    );
  }
  const root = parseXml(opf, nesting);
  const chapters = readSpine(root, opfPath, zip);
  if (chapters.length === 0) {
    throw new DossierError(
      'unsupported',
      `${fileName} is an EPUB book without any chapter to read.`,
    );
  }
  return { ...readMetadata(root), chapters };
}

function readSpine(root: Element, opfPath: string, zip: ZipArchive): string[] {
  const manifest = new Map<string, { path: string | null; mediaType: string }>();
  for (const item of elementsNamed(root, 'item')) {
    const id = item.getAttribute('id');
    const href = item.getAttribute('href');
    if (!id || !href) continue;
    const path = resolveInZip(href, opfPath);
    manifest.set(id, {
      path: path && findInZip(zip, path),
      mediaType: (item.getAttribute('media-type') ?? '').trim().toLowerCase(),
    });
  }
  const chapters: string[] = [];
  for (const itemref of elementsNamed(root, 'itemref')) {
    if (itemref.getAttribute('linear')?.trim().toLowerCase() === 'no') continue;
    const item = manifest.get(itemref.getAttribute('idref') ?? '');
    if (!item?.path || !HTML_TYPES.has(item.mediaType) || chapters.includes(item.path)) continue;
    chapters.push(item.path);
  }
  return chapters;
}

function readMetadata(root: Element): Omit<EpubPackage, 'chapters'> {
  const metadata = elementsNamed(root, 'metadata')[0] ?? root;
  const values = (name: string) => textsOf(metadata, name);
  const creators = values('creator');
  const progression = elementsNamed(root, 'spine')[0]?.getAttribute('page-progression-direction');
  return {
    title: values('title')[0] ?? null,
    metadata: {
      ...NO_METADATA,
      byline: creators.length > 0 ? creators.join(', ') : null,
      siteName: values('publisher')[0] ?? null,
      publishedAt: publicationDate(metadata),
      lang: languageTag(values('language')[0]),
      dir: direction(progression),
      excerpt: withoutMarkup(values('description')[0]),
    },
  };
}

/** The publication date (EPUB 2 marks it with opf:event; EPUB 3 has one dc:date). */
function publicationDate(metadata: Element): string | null {
  const dates = elementsNamed(metadata, 'date');
  const published =
    dates.find((date) => attributeNamed(date, 'event')?.toLowerCase() === 'publication') ??
    dates[0];
  return isoDate(published?.textContent);
}

/**
 * Descriptions often hold escaped HTML; only their text is kept. An excerpt
 * is short, so only the description's beginning is parsed.
 */
function withoutMarkup(value: string | undefined): string | null {
  if (!value?.includes('<')) return cleanField(value, MAX_EXCERPT);
  const beginning = value.slice(0, MAX_EXCERPT * 10);
  const { document } = parseHTML(`<!doctype html><html><body>${beginning}</body></html>`);
  return cleanField(document.body.textContent, MAX_EXCERPT);
}
