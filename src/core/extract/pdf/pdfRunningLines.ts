import { groupBy } from './collections';
import { mainSize, type PdfLine } from './pdfLines';

/** How many lines at the top and at the bottom of a page may be running heads or feet. */
const EDGE_LINES = 2;
/** Baselines this close (page units) are the same place on two pages. */
const SAME_PLACE = 2.5;
/** How much larger than the body text a running line may be set. */
const SIZE_TOLERANCE = 0.05;
/** A running line stands this many font sizes or more from the text next to it. */
const APART = 2;
/** A page number alone on a line: 7, - 7 -, (vii), Page 7, 7 of 12, ۷. */
const PAGE_NUMBER =
  /^(?:page\s+)?[-–—([]?\s*(?:\p{Nd}{1,4}|[ivxlc]{1,7})\s*[-–—)\]]?(?:\s*(?:of|\/)\s*\p{Nd}{1,4})?$/iu;

/**
 * Leaves out running headers and footers: lines at the top or bottom of a
 * page, not larger than the text, that come back at the same place on other
 * pages, compared with their numbers blanked out (so page numbers and "Page 3
 * of 9" count as repeats).
 * A page number alone at the foot or head of a page, apart from the text, goes
 * too, even on a one-page document.
 */
export function dropRunningLines(pages: readonly PdfLine[][]): PdfLine[][] {
  const pagesWithText = pages.filter((lines) => lines.length > 0).length;
  const needed = Math.max(2, Math.min(3, Math.ceil(pagesWithText / 2)));
  // Headings ("Chapter 3" atop each chapter's first page) are larger than the text; running lines are not.
  const largest = mainSize(pages.flat()) * (1 + SIZE_TOLERANCE);

  const byKey = groupBy(
    pages.flatMap((lines) => edgeLines(lines).filter(({ line }) => line.size <= largest)),
    ({ line }) => repeatKey(line.text),
  );
  const running = new Set<PdfLine>();
  for (const candidates of byKey.values()) {
    for (const { line, apart } of candidates) {
      const pagesHere = new Set(
        candidates
          .filter(({ line: other }) => Math.abs(other.y - line.y) <= SAME_PLACE)
          .map(({ line: other }) => other.page),
      );
      // Set apart from the text, the running head of a short chapter repeats on two pages in a row.
      const twoInARow = apart && [...pagesHere].some((page) => pagesHere.has(page + 1));
      if (pagesHere.size >= needed || twoInARow) running.add(line);
    }
  }
  return pages.map((lines) =>
    lines.filter((line) => !running.has(line) && !isLonePageNumber(line, lines)),
  );
}

/**
 * The first and last few lines of a page (lines are in top-to-bottom order),
 * each with whether it stands apart from the lines next to it on the text's side.
 */
function edgeLines(lines: readonly PdfLine[]): { line: PdfLine; apart: boolean }[] {
  const count = Math.min(EDGE_LINES, Math.ceil(lines.length / 2));
  const indices = new Set<number>();
  for (let index = 0; index < count; index++) indices.add(index).add(lines.length - 1 - index);
  return [...indices].map((index) => {
    const line = lines[index]!;
    const inward = index < count ? lines[index + 1] : lines[index - 1];
    return { line, apart: inward === undefined || Math.abs(inward.y - line.y) > APART * line.size };
  });
}

function repeatKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\p{Nd}+/gu, '#')
    .replace(/\s+/g, ' ');
}

/** A page number on the page's first or last line, set apart from the text. */
function isLonePageNumber(line: PdfLine, lines: readonly PdfLine[]): boolean {
  if (!PAGE_NUMBER.test(line.text.trim())) return false;
  const index = lines.indexOf(line);
  if (index !== 0 && index !== lines.length - 1) return false;
  const neighbour = index === 0 ? lines[1] : lines[index - 1];
  return neighbour === undefined || Math.abs(neighbour.y - line.y) > APART * line.size;
}
