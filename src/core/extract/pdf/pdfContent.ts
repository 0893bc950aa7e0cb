/**
 * What the PDF worker (pdfTextWorker.mjs) reads out of a file: pdf.js's text
 * items as they are, page by page, with the document's own description. Every
 * layout decision is taken later, on these plain values.
 */

/** One run of text as pdf.js reports it. */
export interface PdfTextItem {
  str: string;
  /**
   * The text's matrix in page coordinates, origin at the top left and y going
   * down: `[a, b, c, d, e, f]`, (e, f) the start of the baseline, (a, b) the
   * direction of writing scaled by the font size.
   */
  transform: number[];
  /** Advance of the whole run along its direction, in page units. */
  width: number;
  /** pdf.js's guess from the characters; neutral runs (spaces, punctuation) say `ltr`. */
  dir: string;
  fontName: string;
}

export interface PdfPageText {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
  /** Why the page could not be read, when it could not. */
  unreadable?: string;
}

/** The document information dictionary (or its XMP) as written by whatever made the file. */
export interface PdfInfo {
  pageCount: number;
  title: string | null;
  author: string | null;
  /** A PDF date string, `D:YYYYMMDDHHmmSSOHH'mm'`, with any part after the year missing. */
  creationDate: string | null;
  /** The catalog's /Lang. */
  lang: string | null;
}

export interface PdfContent {
  info: PdfInfo;
  pages: PdfPageText[];
}
