import { useEffect, type RefObject } from 'react';
import type { TextSpan } from '../reader/textRanges';

/**
 * Marks passages on a comparison with the CSS Custom Highlight API, like the
 * reader (no element is wrapped around words, so Arabic letters stay joined).
 * Each rendered piece carries `data-from-start` and/or `data-to-start` and holds
 * one text node; a passage is marked on the pieces of its own version's text.
 */
export function useComparisonMarks(
  containerRef: RefObject<HTMLElement | null>,
  fromSpans: readonly TextSpan[],
  toSpans: readonly TextSpan[],
  /** Changes whenever the rendered comparison does. */
  layoutKey: unknown,
): void {
  useEffect(() => {
    const container = containerRef.current;
    if (!container || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const ranges = [
      ...rangesOn(container, 'fromStart', fromSpans),
      ...rangesOn(container, 'toStart', toSpans),
    ];
    CSS.highlights.set('comparison-passage', new Highlight(...ranges));
    return () => void CSS.highlights.delete('comparison-passage');
  }, [containerRef, fromSpans, toSpans, layoutKey]);
}

function rangesOn(
  container: HTMLElement,
  side: 'fromStart' | 'toStart',
  spans: readonly TextSpan[],
): Range[] {
  if (spans.length === 0) return [];
  const attribute = side === 'fromStart' ? 'data-from-start' : 'data-to-start';
  const pieces = [...container.querySelectorAll<HTMLElement>(`[${attribute}]`)].flatMap(
    (element) => {
      const node = element.firstChild;
      if (!node) return [];
      const start = Number(element.dataset[side]);
      return [{ node, start, end: start + (node.textContent ?? '').length }];
    },
  );
  const ranges: Range[] = [];
  for (const span of spans) {
    for (const piece of pieces) {
      if (piece.end <= span.start) continue;
      if (piece.start >= span.end) break;
      const range = document.createRange();
      range.setStart(piece.node, Math.max(span.start, piece.start) - piece.start);
      range.setEnd(piece.node, Math.min(span.end, piece.end) - piece.start);
      ranges.push(range);
    }
  }
  return ranges;
}
