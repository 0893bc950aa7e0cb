import type { PlacedItem } from './pdfItems';
import { highest, lowest, median } from './collections';
import { makeLine, type PdfLine } from './pdfLines';

/** A line with the stretch of text it belongs to: a column, or the full width above or below columns. */
export interface FlowLine extends PdfLine {
  /** Lines of the same page and flow follow each other in one column (or full-width band). */
  flow: string;
}

interface Gutter {
  start: number;
  end: number;
}

/** At most this share of a page's lines may cross the gutter (a title, an abstract, a footer). */
const MAX_CROSSING = 0.2;
/** The gutter's middle lies within this share of the text's width from either side. */
const CENTRAL = 0.2;
/** Each column spans at least this share of the text's width… */
const MIN_COLUMN_SHARE = 0.2;
/** …and holds at least this many lines. */
const MIN_COLUMN_LINES = 3;
/** How far (in font sizes) below a full-width line its paragraph's short last line may stand. */
const LAST_LINE_GAP = 1.6;
/** The narrowest gutter, as a share of the usual font size. */
const MIN_GUTTER = 0.8;

/**
 * Puts a page's lines (top to bottom) in reading order. A page set in two
 * columns has a gutter: a vertical strip that only a few full-width lines
 * (title, abstract, a footer) cross. Lines on both sides of it are split, and
 * between two full-width bands the left column is read before the right one
 * (the right one first in right-to-left text).
 */
export function readingOrder(lines: readonly PdfLine[]): FlowLine[] {
  const gutter = findGutter(lines);
  if (!gutter) return lines.map((line) => ({ ...line, flow: 'page' }));

  const pieces: (PdfLine & { side: 'left' | 'right' | 'both' })[] = [];
  for (const line of lines) {
    const visible = line.items.filter((item) => !item.blank);
    if (visible.some((item) => crosses(item, gutter))) {
      pieces.push({ ...line, side: 'both' });
      continue;
    }
    const middle = (gutter.start + gutter.end) / 2;
    const left = makeLine(
      line.page,
      line.items.filter((item) => centre(item) < middle),
    );
    const right = makeLine(
      line.page,
      line.items.filter((item) => centre(item) >= middle),
    );
    if (left) pieces.push({ ...left, side: 'left' });
    if (right) pieces.push({ ...right, side: 'right' });
  }
  pieces.sort((a, b) => a.y - b.y);
  pieces.forEach((piece, index) => {
    const above = pieces[index - 1];
    if (piece.side !== 'both' && above?.side === 'both' && endsParagraph(above, piece)) {
      piece.side = 'both';
    }
  });

  // Runs of full-width lines and runs of column lines, top to bottom; each is a band.
  const bands: (typeof pieces)[] = [];
  for (const piece of pieces) {
    const band = bands.at(-1);
    if (band && (band[0]!.side === 'both') === (piece.side === 'both')) band.push(piece);
    else bands.push([piece]);
  }
  return bands.flatMap((band, index) => {
    // Columns of right-to-left text are read from the right.
    const rtl = band.filter((piece) => piece.rtl).length * 2 > band.length;
    return (['both', ...(rtl ? ['right', 'left'] : ['left', 'right'])] as const).flatMap((side) =>
      band
        .filter((piece) => piece.side === side)
        .map(({ side: _side, ...line }) => ({ ...line, flow: `${index}-${side}` })),
    );
  });
}

/**
 * The widest vertical strip near the middle of the text that at most a few
 * lines cross, with enough lines on each side of it to be columns; null when
 * the page is not set in two columns.
 */
function findGutter(lines: readonly PdfLine[]): Gutter | null {
  const visible = lines.map((line) => line.items.filter((item) => !item.blank));
  const all = visible.flat();
  if (lines.length < MIN_COLUMN_LINES || all.length === 0) return null;
  const left = lowest(all.map((item) => item.x));
  const right = highest(all.map((item) => item.end));
  const width = right - left;
  const minGutter = MIN_GUTTER * median(lines.map((line) => line.size));
  if (width < minGutter * 10) return null;

  // How many lines cover each unit-wide strip of the page.
  const strips = Math.ceil(width) + 1;
  const coverage = new Int32Array(strips);
  const stamp = new Int32Array(strips).fill(-1);
  visible.forEach((items, lineIndex) => {
    for (const item of items) {
      const to = Math.min(strips - 1, Math.floor(item.end - left));
      for (let strip = Math.max(0, Math.floor(item.x - left)); strip <= to; strip++) {
        if (stamp[strip] === lineIndex) continue;
        stamp[strip] = lineIndex;
        coverage[strip]!++;
      }
    }
  });

  const maxCrossing = Math.floor(MAX_CROSSING * lines.length);
  let best: Gutter | null = null;
  let strip = 0;
  while (strip < strips) {
    if (coverage[strip]! > maxCrossing) {
      strip++;
      continue;
    }
    const start = strip;
    while (strip < strips && coverage[strip]! <= maxCrossing) strip++;
    const gutter = { start: left + start, end: left + strip };
    if (
      gutter.end - gutter.start >= minGutter &&
      (!best || gutter.end - gutter.start > best.end - best.start) &&
      isBetweenColumns(gutter, visible, left, width)
    ) {
      best = gutter;
    }
  }
  return best;
}

function isBetweenColumns(
  gutter: Gutter,
  visible: readonly PlacedItem[][],
  left: number,
  width: number,
): boolean {
  const middle = (gutter.start + gutter.end) / 2;
  if (middle < left + CENTRAL * width || middle > left + (1 - CENTRAL) * width) return false;
  const side = (keep: (item: PlacedItem) => boolean) => {
    const lines = visible.map((items) => items.filter(keep)).filter((items) => items.length > 0);
    const items = lines.flat();
    const span = items.length
      ? highest(items.map((item) => item.end)) - lowest(items.map((item) => item.x))
      : 0;
    return lines.length >= MIN_COLUMN_LINES && span >= MIN_COLUMN_SHARE * width;
  };
  return side((item) => item.end <= gutter.start + 1) && side((item) => item.x >= gutter.end - 1);
}

/** The short last line of a full-width paragraph, right under it, starting where it starts. */
function endsParagraph(above: PdfLine, line: PdfLine): boolean {
  const aligned = line.rtl ? Math.abs(line.x1 - above.x1) <= 1 : Math.abs(line.x0 - above.x0) <= 1;
  return aligned && line.size === above.size && line.y - above.y <= LAST_LINE_GAP * line.size;
}

function crosses(item: PlacedItem, gutter: Gutter): boolean {
  return item.x < gutter.end - 1 && item.end > gutter.start + 1;
}

function centre(item: PlacedItem): number {
  return (item.x + item.end) / 2;
}
