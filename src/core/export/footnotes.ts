/**
 * The footnotes of an exported note: one per linked passage, numbered in the
 * order of the passages' first links, each saying where the words come from.
 * Markdown and HTML write the same pieces, each in its own syntax.
 */
import type { CitedPassage } from './citedPassages';

export interface Footnote {
  number: number;
  passageId: string;
  /** Null when the passage no longer exists: the link's text is kept, the footnote says so. */
  passage: CitedPassage | null;
}

/** A piece of a footnote's text; the source's address carries it as a link target too. */
export interface FootnotePiece {
  text: string;
  href?: string;
}

export interface FootnoteContent {
  /** Who and where: title, byline, site, address, date, page — the ones known. */
  pieces: FootnotePiece[];
  /** The passage's words on one line; null when it is gone. */
  quote: string | null;
  /** Where the words were marked; null when the passage is gone. */
  location: string | null;
}

export function numberFootnotes(
  passageIds: readonly string[],
  cited: ReadonlyMap<string, CitedPassage>,
): Footnote[] {
  return passageIds.map((passageId, index) => ({
    number: index + 1,
    passageId,
    passage: cited.get(passageId) ?? null,
  }));
}

export function footnoteContent({ passageId, passage }: Footnote): FootnoteContent {
  if (passage === null) {
    return {
      pieces: [
        { text: `The passage this link pointed to (#${passageId}) is no longer in the notebook.` },
      ],
      quote: null,
      location: null,
    };
  }
  const { source } = passage;
  const pieces: FootnotePiece[] = [{ text: source.title }];
  if (source.byline) pieces.push({ text: source.byline });
  if (source.siteName) pieces.push({ text: source.siteName });
  if (source.url) pieces.push({ text: source.url, href: source.url });
  if (source.publishedAt) pieces.push({ text: `published ${dateOf(source.publishedAt)}` });
  if (passage.page !== null) pieces.push({ text: `page ${passage.page}` });
  return {
    pieces,
    quote: oneLine(passage.exact),
    location: `characters ${passage.start}–${passage.end} of version ${passage.versionNumber}`,
  };
}

/** The date of an ISO 8601 date or date and time. */
export function dateOf(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso;
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
