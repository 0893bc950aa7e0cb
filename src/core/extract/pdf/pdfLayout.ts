import { readingOrder } from './pdfColumns';
import type { PdfPageText } from './pdfContent';
import { placeItems } from './pdfItems';
import { groupLines } from './pdfLines';
import { paragraphs, type TextDraft } from './pdfParagraphs';
import { dropRunningLines } from './pdfRunningLines';

/**
 * From pdf.js's text items to paragraphs and headings in reading order: items
 * into lines, running heads and feet out, columns read one after the other,
 * lines into paragraphs with broken words mended.
 */
export function layoutPdf(pages: readonly PdfPageText[]): TextDraft[] {
  const lines = dropRunningLines(pages.map((page) => groupLines(page.number, placeItems(page))));
  return paragraphs(lines.flatMap((pageLines) => readingOrder(pageLines)));
}
