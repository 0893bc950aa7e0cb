import { useEffect, type RefObject } from 'react';
import type { SourceDetail } from '../../shared/api';
import { clearPassageMarks, showPassageMarks } from './highlights';
import { rangeForSpan } from './textRanges';

/** Marks every anchored passage of the open source in the reader. */
export function usePassageMarks(
  containerRef: RefObject<HTMLElement | null>,
  source: SourceDetail,
): void {
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const ranges = source.passages
      .filter((passage) => passage.status !== 'orphaned')
      .map((passage) => rangeForSpan(container, source.blocks, passage))
      .filter((range) => range !== null);
    showPassageMarks(ranges);
    return clearPassageMarks;
  }, [containerRef, source]);
}
