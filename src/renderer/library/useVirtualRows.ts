import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { scrollTopToReveal, visibleRows, type ListViewport, type RowWindow } from './virtualWindow';

export interface VirtualRows {
  /** The box that scrolls. */
  scrollerRef: React.RefObject<HTMLDivElement | null>;
  /** The list inside it, whose rows are all as tall as its first. */
  listRef: React.RefObject<HTMLUListElement | null>;
  rows: RowWindow;
  /** Space standing for the rows not rendered, above and below those that are. */
  paddingTop: number;
  paddingBottom: number;
  /** The height of every row together. */
  totalHeight: number;
  /** How many whole rows the viewport holds (a page, for Page Up and Page Down). */
  rowsPerPage: number;
  /** Scrolls row `index` into view and renders it now, so it can be focused at once. */
  reveal: (index: number) => void;
}

/**
 * Renders only the rows of a long list that can be seen (and `overscan` more on
 * each side): thousands of articles scroll as smoothly as ten. The rows' height is
 * measured on the first one rendered, so it follows the stylesheet and the zoom.
 */
export function useVirtualRows(
  count: number,
  estimatedRowHeight: number,
  overscan = 8,
): VirtualRows {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [viewport, setViewport] = useState<ListViewport>({ scrollTop: 0, height: 0 });
  const [rowHeight, setRowHeight] = useState(estimatedRowHeight);

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const update = () => {
      setViewport((previous) =>
        previous.scrollTop === scroller.scrollTop && previous.height === scroller.clientHeight
          ? previous
          : { scrollTop: scroller.scrollTop, height: scroller.clientHeight },
      );
      // A hidden list measures 0: keep the last height until it shows again.
      const row = listRef.current?.firstElementChild?.getBoundingClientRect().height;
      if (row) setRowHeight(row);
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    const resizes = new ResizeObserver(update);
    resizes.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', update);
      resizes.disconnect();
    };
  }, []);

  const reveal = useCallback(
    (index: number) => {
      const scroller = scrollerRef.current;
      if (!scroller) return;
      const current = { scrollTop: scroller.scrollTop, height: scroller.clientHeight };
      scroller.scrollTop = scrollTopToReveal(index, rowHeight, current);
      setViewport({ scrollTop: scroller.scrollTop, height: current.height });
    },
    [rowHeight],
  );

  const rows = visibleRows(viewport, rowHeight, count, overscan);
  return {
    scrollerRef,
    listRef,
    rows,
    paddingTop: rows.start * rowHeight,
    paddingBottom: (count - rows.end) * rowHeight,
    totalHeight: count * rowHeight,
    rowsPerPage: Math.max(1, Math.floor(viewport.height / rowHeight)),
    reveal,
  };
}
