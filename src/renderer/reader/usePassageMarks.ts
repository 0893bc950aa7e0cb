import { useEffect, type RefObject } from 'react';
import type { SourceDetail } from '../../shared/api';
import { clearPassageMarks, showPassageMarks } from './highlights';
import { rangeForSpan, spanOf } from './textRanges';

/** Marks every passage that has a place in the text shown (orphans have none) in the reader. */
export function usePassageMarks(
  containerRef: RefObject<HTMLElement | null>,
  source: Pick<SourceDetail, 'blocks' | 'passages'>,
): void {
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const ranges = source.passages
      .map(spanOf)
      .filter((span) => span !== null)
      .map((span) => rangeForSpan(container, source.blocks, span))
      .filter((range) => range !== null);
    showPassageMarks(ranges);
    return clearPassageMarks;
  }, [containerRef, source.blocks, source.passages]);
}
