import { useEffect, type RefObject } from 'react';
import type { SourceDetail } from '../../shared/api';
import { clearPassageMarks, showPassageMarks, type PassageMark } from './highlights';
import { overlapSpans } from './passageOverlaps';
import { rangeForSpan, spanOf } from './textRanges';

/**
 * Marks every passage that has a place in the text shown (orphans have none)
 * in its colour, and where passages overlap.
 */
export function usePassageMarks(
  containerRef: RefObject<HTMLElement | null>,
  source: Pick<SourceDetail, 'blocks' | 'passages'>,
): void {
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const placed = source.passages.flatMap((passage) => {
      const span = spanOf(passage);
      return span ? [{ span, color: passage.color }] : [];
    });
    const marks: PassageMark[] = placed.flatMap(({ span, color }) => {
      const range = rangeForSpan(container, source.blocks, span);
      return range ? [{ range, color }] : [];
    });
    const overlaps = overlapSpans(placed.map(({ span }) => span))
      .map((span) => rangeForSpan(container, source.blocks, span))
      .filter((range) => range !== null);
    showPassageMarks(marks, overlaps);
    return clearPassageMarks;
  }, [containerRef, source.blocks, source.passages]);
}
