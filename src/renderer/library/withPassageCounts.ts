import type { PassageCount, SourceSummary } from '../../shared/api';

/**
 * The library's summaries with the passage counts read since: marking or
 * deleting a passage reloads the counts alone, never every summary of a large
 * library. A summary whose count did not change stays the same object (and the
 * list the same array when none did), so nothing is drawn again for it.
 */
export function withPassageCounts(
  summaries: SourceSummary[],
  counts: readonly PassageCount[],
): SourceSummary[] {
  const countOf = new Map(counts.map((count) => [count.sourceId, count.passageCount]));
  let changed = false;
  const merged = summaries.map((summary) => {
    const passageCount = countOf.get(summary.id) ?? 0;
    if (passageCount === summary.passageCount) return summary;
    changed = true;
    return { ...summary, passageCount };
  });
  return changed ? merged : summaries;
}
