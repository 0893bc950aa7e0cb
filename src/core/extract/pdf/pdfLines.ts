import { highest, lowest, median } from './collections';
import type { PlacedItem } from './pdfItems';
import { lineText } from './pdfLineText';

/** One line of a page as read: its items, where it stands, what it says. */
export interface PdfLine {
  page: number;
  items: PlacedItem[];
  /** Left and right edges of its visible items. */
  x0: number;
  x1: number;
  /** Baseline, downward from the top of the page. */
  y: number;
  /** The font size most of its characters have. */
  size: number;
  text: string;
  rtl: boolean;
}

/** Items whose baselines are closer than this share of the font size stand on the same line. */
const SAME_LINE = 0.45;

/**
 * Groups a page's items into lines by their baselines, top to bottom. A raised
 * or lowered item (a footnote mark, a vowel sign drawn apart) stays on its line.
 */
export function groupLines(page: number, items: readonly PlacedItem[]): PdfLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { y: number; size: number; items: PlacedItem[] }[] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    if (group && Math.abs(item.y - group.y) <= SAME_LINE * Math.max(group.size, item.size)) {
      group.items.push(item);
    } else {
      groups.push({ y: item.y, size: item.size, items: [item] });
    }
  }
  return groups.flatMap((group) => {
    const line = makeLine(page, group.items);
    return line ? [line] : [];
  });
}

/** A line of these items, or null when they hold no text. */
export function makeLine(page: number, items: readonly PlacedItem[]): PdfLine | null {
  const visible = items.filter((item) => !item.blank);
  if (visible.length === 0) return null;
  const { text, rtl } = lineText(items);
  if (text === '') return null;
  return {
    page,
    items: [...items],
    x0: lowest(visible.map((item) => item.x)),
    x1: highest(visible.map((item) => item.end)),
    y: median(visible.map((item) => item.y)),
    size: mainSize(visible),
    text,
    rtl,
  };
}

/** The size that most characters have (ties: the larger). */
export function mainSize(items: readonly { text: string; size: number }[]): number {
  const weight = new Map<number, number>();
  for (const item of items) {
    const size = Math.round(item.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + item.text.trim().length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, count] of weight) {
    if (count > bestWeight || (count === bestWeight && size > best)) {
      best = size;
      bestWeight = count;
    }
  }
  return best;
}
