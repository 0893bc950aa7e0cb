import type { PdfLine } from './pdfLines';

/** How many lines at the top and at the bottom of a page may be running heads or feet. */
const EDGE_LINES = 2;
/** Baselines this close (page units) are the same place on two pages. */
const SAME_PLACE = 2.5;
/** A page number alone on a line: 7, - 7 -, (vii), Page 7, 7 of 12, ۷. */
const PAGE_NUMBER =
  /^(?:page\s+)?[-–—([]?\s*(?:\p{Nd}{1,4}|[ivxlc]{1,7})\s*[-–—)\]]?(?:\s*(?:of|\/)\s*\p{Nd}{1,4})?$/iu;

/**
 * Leaves out running headers and footers: lines at the top or bottom of a
 * page that come back at the same place on other pages, compared with their
 * numbers blanked out (so page numbers and "Page 3 of 9" count as repeats).
 * A page number alone at the foot or head of a page, apart from the text, goes
 * too, even on a one-page document.
 */
export function dropRunningLines(pages: readonly PdfLine[][]): PdfLine[][] {
  const pagesWithText = pages.filter((lines) => lines.length > 0).length;
  const needed = Math.max(2, Math.min(3, Math.ceil(pagesWithText / 2)));

  const byKey = new Map<string, PdfLine[]>();
  for (const lines of pages) {
    for (const line of edgeLines(lines)) {
      const key = repeatKey(line.text);
      byKey.set(key, [...(byKey.get(key) ?? []), line]);
    }
  }
  const running = new Set<PdfLine>();
  for (const candidates of byKey.values()) {
    for (const line of candidates) {
      const pagesHere = new Set(
        candidates
          .filter((other) => Math.abs(other.y - line.y) <= SAME_PLACE)
          .map((other) => other.page),
      );
      if (pagesHere.size >= needed) running.add(line);
    }
  }
  return pages.map((lines) =>
    lines.filter((line) => !running.has(line) && !isLonePageNumber(line, lines)),
  );
}

/** The first and last few lines of a page (lines are in top-to-bottom order). */
function edgeLines(lines: readonly PdfLine[]): PdfLine[] {
  if (lines.length <= EDGE_LINES * 2) return [...lines];
  return [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
}

function repeatKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\p{Nd}+/gu, '#')
    .replace(/\s+/g, ' ');
}

/** A page number on the page's first or last line, set apart from the text by more than two lines' height. */
function isLonePageNumber(line: PdfLine, lines: readonly PdfLine[]): boolean {
  if (!PAGE_NUMBER.test(line.text.trim())) return false;
  const index = lines.indexOf(line);
  if (index !== 0 && index !== lines.length - 1) return false;
  const neighbour = index === 0 ? lines[1] : lines[index - 1];
  return neighbour === undefined || Math.abs(neighbour.y - line.y) > 2 * line.size;
}
