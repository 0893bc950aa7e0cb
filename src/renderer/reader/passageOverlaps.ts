/**
 * Where passages overlap, in offsets of the text: the reader draws those
 * stretches apart, and a click there asks which passage was meant.
 */
import type { TextSpan } from './textRanges';

/** The stretches of text inside two passages or more, in order; touching passages do not overlap. */
export function overlapSpans(spans: readonly TextSpan[]): TextSpan[] {
  // At one offset, ends come before starts: a passage ending where another begins is not an overlap.
  const edges = spans
    .flatMap(({ start, end }) => [
      { at: start, step: 1 },
      { at: end, step: -1 },
    ])
    .sort((a, b) => a.at - b.at || a.step - b.step);
  const overlaps: TextSpan[] = [];
  let depth = 0;
  let openedAt = 0;
  for (const { at, step } of edges) {
    const before = depth;
    depth += step;
    if (before < 2 && depth >= 2) openedAt = at;
    if (before >= 2 && depth < 2 && at > openedAt) {
      const last = overlaps.at(-1);
      if (last && last.end === openedAt) last.end = at;
      else overlaps.push({ start: openedAt, end: at });
    }
  }
  return overlaps;
}

/** The stretch every one of `spans` covers (they share at least one offset), e.g. to show a chooser beside it. */
export function commonSpan(spans: readonly TextSpan[]): TextSpan | null {
  if (spans.length === 0) return null;
  const start = Math.max(...spans.map((span) => span.start));
  const end = Math.min(...spans.map((span) => span.end));
  return start < end ? { start, end } : null;
}
