/** Which rows of a long list of equal-height rows to render, and where to scroll to show one. */

export interface RowWindow {
  /** The first row rendered. */
  start: number;
  /** Just past the last row rendered. */
  end: number;
}

export interface ListViewport {
  scrollTop: number;
  /** The height of the scrolled box's visible part. */
  height: number;
}

/**
 * The rows that intersect the viewport, with `overscan` more on each side so a
 * quick scroll does not show blank space before the next render.
 */
export function visibleRows(
  { scrollTop, height }: ListViewport,
  rowHeight: number,
  count: number,
  overscan: number,
): RowWindow {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight);
  const start = Math.min(Math.max(0, first - overscan), count - 1);
  const end = Math.min(count, Math.max(last + overscan, start + 1));
  return { start, end };
}

/**
 * The scroll position that shows row `index` whole, moving as little as possible
 * (its top, when it is taller than the viewport).
 */
export function scrollTopToReveal(
  index: number,
  rowHeight: number,
  { scrollTop, height }: ListViewport,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + height) return Math.min(top, bottom - height);
  return scrollTop;
}
