/**
 * The sources exported notes cite, as CSL-JSON (the Citation Style Language's
 * data format), which Zotero, Pandoc and other reference managers read.
 */
import type { SourceKind } from '../../shared/documentModel';
import type { CitedSource } from './citedPassages';

export interface CslDate {
  'date-parts': [[number, number?, number?]];
}

export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage' | 'report' | 'document';
  title: string;
  author?: Array<{ literal: string }>;
  'container-title'?: string;
  URL?: string;
  issued?: CslDate;
  accessed?: CslDate;
  language?: string;
}

/** The CSL id of a source, as the annotations and other tools may refer to it. */
export function cslId(source: CitedSource): string {
  return `dossier-source-${source.id}`;
}

export function cslItem(source: CitedSource): CslItem {
  const authors = splitByline(source.byline ?? '');
  const issued = cslDate(source.publishedAt);
  const accessed = cslDate(source.capturedAt);
  return {
    id: cslId(source),
    type: cslType(source),
    title: source.title,
    ...(authors.length > 0 && { author: authors.map((literal) => ({ literal })) }),
    ...(source.siteName && { 'container-title': source.siteName }),
    ...(source.url && { URL: source.url }),
    ...(issued && { issued }),
    ...(accessed && { accessed }),
    ...(source.lang && { language: source.lang }),
  };
}

const TYPE_OF_KIND: Record<SourceKind, CslItem['type']> = {
  web: 'webpage',
  pdf: 'report',
  text: 'document',
  markdown: 'document',
  epub: 'document',
  docx: 'document',
};

/** A dated page of a named site is taken for a news article; any other page is a web page. */
function cslType(source: CitedSource): CslItem['type'] {
  if (source.kind === 'web' && source.siteName && source.publishedAt) return 'article-newspaper';
  return TYPE_OF_KIND[source.kind];
}

/**
 * The names in a byline ("By Jane Morrow and Ali Rezaei", "Jane Morrow; Ali
 * Rezaei", "علی رضایی و مریم احمدی"). Commas separate names only when every
 * part has two words or more: "Morrow, Jane" is one name.
 */
export function splitByline(byline: string): string[] {
  const names = byline
    .replace(/^\s*by\s+/iu, '')
    .split(/\s*[;&،、]\s*|\s+(?:and|und|et|y|e|و)\s+/iu)
    .flatMap((part) => {
      const pieces = part.split(/\s*,\s*/u);
      return pieces.every((piece) => piece.trim().split(/\s+/u).length >= 2) ? pieces : [part];
    });
  return names.map((name) => name.trim()).filter((name) => name !== '');
}

/** The year, month and day of an ISO 8601 date or date and time; undefined when it is not one. */
function cslDate(iso: string | null): CslDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/u.exec(iso ?? '');
  if (!match) return undefined;
  const parts = [match[1], match[2], match[3]].filter((part) => part !== undefined).map(Number);
  return { 'date-parts': [parts as [number, number?, number?]] };
}
