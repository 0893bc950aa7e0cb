import type { PdfPageText } from './pdfContent';

/** A text item placed in its page's reading frame: x along the lines, y (the baseline) down the page. */
export interface PlacedItem {
  text: string;
  x: number;
  /** x + the item's advance. */
  end: number;
  y: number;
  /** The font size in page units. */
  size: number;
  /** Only spaces: it separates words but has no place of its own in the layout. */
  blank: boolean;
}

/** Degrees off the page's writing direction within which an item still counts as on it. */
const ANGLE_TOLERANCE = 3;

/**
 * Places a page's items in the frame of its main writing direction (the one
 * most of its characters follow, so a page printed sideways reads like any
 * other), and leaves out what does not follow it: a diagonal watermark, a
 * line of text turned along the margin. A run drawn twice over itself (bold
 * faked by overprinting) is kept once.
 */
export function placeItems(page: PdfPageText): PlacedItem[] {
  const angles = page.items.map(
    ({ transform: [a = 0, b = 0] }) => (Math.atan2(b, a) * 180) / Math.PI,
  );
  const direction = mainDirection(page, angles);
  const cos = Math.cos((direction * Math.PI) / 180);
  const sin = Math.sin((direction * Math.PI) / 180);

  const placed: PlacedItem[] = [];
  const seen = new Set<string>();
  page.items.forEach((item, index) => {
    if (angleBetween(angles[index]!, direction) > ANGLE_TOLERANCE) return;
    const [, , c = 0, d = 0, e = 0, f = 0] = item.transform;
    const size = Math.hypot(c, d);
    if (size < 0.5 || item.str === '') return;
    const x = e * cos + f * sin;
    const y = -e * sin + f * cos;
    const key = `${item.str}\u0000${Math.round(x)}\u0000${Math.round(y)}`;
    if (seen.has(key)) return;
    seen.add(key);
    placed.push({
      text: item.str,
      x,
      end: x + Math.max(item.width, 0),
      y,
      size,
      blank: item.str.trim() === '',
    });
  });
  return placed;
}

/** The direction (0, 90, 180 or 270 degrees) most characters of the page are written in. */
function mainDirection(page: PdfPageText, angles: readonly number[]): number {
  const weight = new Map<number, number>();
  page.items.forEach((item, index) => {
    const quarter = (((Math.round(angles[index]! / 90) * 90) % 360) + 360) % 360;
    weight.set(quarter, (weight.get(quarter) ?? 0) + item.str.trim().length);
  });
  let best = 0;
  for (const [angle, count] of weight) if (count > (weight.get(best) ?? 0)) best = angle;
  return best;
}

function angleBetween(a: number, b: number): number {
  const difference = Math.abs((((a - b) % 360) + 360) % 360);
  return Math.min(difference, 360 - difference);
}
