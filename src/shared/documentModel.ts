/**
 * Dossier's own model of an imported document: one plain text (what passages
 * anchor into, what search indexes) and a list of blocks that say what each
 * stretch of it is. Nothing imported is ever stored or shown as markup: every
 * format (plain text, HTML, Markdown, PDF, EPUB, Word) is converted into this.
 *
 * The text is NFC with LF line ends; blocks follow each other in reading order,
 * separated by one blank line ("\n\n"); a block's own text may hold single
 * line breaks (preformatted text, <br>). Offsets are UTF-16 code units of the
 * version text, absolute (never relative to the block).
 */

/** What a source was imported from. */
export type SourceKind = 'text' | 'web' | 'markdown' | 'pdf' | 'epub' | 'docx';

/** Inline formatting inside a block: `text.slice(start, end)`. */
export type InlineMark =
  | { kind: 'strong' | 'emphasis' | 'code'; start: number; end: number }
  /** Only http, https and mailto targets are ever kept. */
  | { kind: 'link'; start: number; end: number; href: string };

interface TextBlockBase {
  start: number;
  end: number;
  /** Inside how many block quotes the block stands (absent: none). */
  quoteDepth?: number;
  /** PDF only: the 1-based page the block starts on. */
  page?: number;
  /** Sorted by start; absent when the block has none. */
  marks?: InlineMark[];
}

export type TextBlock =
  | (TextBlockBase & { kind: 'title' | 'paragraph' | 'preformatted' })
  | (TextBlockBase & { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6 })
  | (TextBlockBase & {
      kind: 'listItem';
      ordered: boolean;
      /** 1 for a top-level item, 2 for an item of a list inside it… */
      depth: number;
      /** An ordered item's number as shown. */
      ordinal?: number;
    })
  | (TextBlockBase & {
      /** One cell of a table; consecutive cells with the same `table` make one table. */
      kind: 'tableCell';
      table: number;
      row: number;
      column: number;
      header: boolean;
    })
  | (TextBlockBase & {
      /** The caption of the figure numbered `figure` (its images carry the same number). */
      kind: 'caption';
      figure: number;
    });

/**
 * An image holds no text: `start === end`, at the offset where the next text
 * block begins (or the end of the text). `src` is a `data:image/…` URL kept
 * from the file, or null for an image that was elsewhere (never fetched: the
 * reader shows a placeholder with `alt` and `remoteUrl`).
 */
export interface ImageBlock {
  kind: 'image';
  start: number;
  end: number;
  src: string | null;
  alt: string;
  remoteUrl?: string;
  figure?: number;
  quoteDepth?: number;
  page?: number;
}

export type Block = TextBlock | ImageBlock;
export type BlockKind = Block['kind'];

export function isTextBlock(block: Block): block is TextBlock {
  return block.kind !== 'image';
}

/** What the import found out about a document; every field may be unknown. */
export interface DocumentMetadata {
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 (a date, or a date and time). */
  publishedAt: string | null;
  /** A BCP 47 language tag, e.g. `fa`, `en-GB`. */
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  /** http(s) only: the page's canonical address, or the final URL it was fetched from. */
  canonicalUrl: string | null;
  excerpt: string | null;
}

export const NO_METADATA: DocumentMetadata = {
  byline: null,
  siteName: null,
  publishedAt: null,
  lang: null,
  dir: null,
  canonicalUrl: null,
  excerpt: null,
};
