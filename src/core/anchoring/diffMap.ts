/**
 * Questions asked of a diff (textDiff.ts) while re-anchoring: where an old offset
 * lies in the new version, where the new version has text the old one did not,
 * and where a stretch of new text came from.
 */
import type { CommonRuns } from './textDiff';

/** Where a stretch of new text came from, in characters. */
export interface Provenance {
  /** Text that is new in this version. */
  inserted: number;
  /** Text carried over from the old passage (or right beside it). */
  own: number;
  /** Text carried over from elsewhere in the old version: an older sentence, not the passage. */
  foreign: number;
}

export class DiffMap {
  constructor(private readonly runs: CommonRuns) {}

  /**
   * Where old offset `at` lies in the new text. Inside common text the answer is
   * exact. Inside changed text, a start maps to the start of the replacement and an
   * end to its end, so an edited word at a passage's edge stays in the passage; text
   * inserted right at a passage's edge stays out of it.
   */
  mapOld(at: number, edge: 'start' | 'end'): number {
    const { oldStarts, oldEnds, newEnds } = this.runs;
    // The last run starting at or before `at` (-1 when none does).
    const i = lastAtOrBefore(oldStarts, at);
    if (edge === 'start') {
      // A start at a run's end belongs to what follows it.
      if (i >= 0 && at < (oldEnds[i] ?? 0)) return inRun(this.runs, i, at);
      // In (or at the start of) changed text after run i.
      return i >= 0 ? (newEnds[i] ?? 0) : 0;
    }
    if (i >= 0 && at <= (oldEnds[i] ?? 0)) {
      // An end at a run's start belongs to what precedes it.
      if (at === oldStarts[i])
        return i > 0 && oldEnds[i - 1] === at ? (newEnds[i - 1] ?? 0) : gapEnd(this.runs, i - 1);
      return inRun(this.runs, i, at);
    }
    return gapEnd(this.runs, i);
  }

  /** Stretches of the new text that are not in the old one, in order. */
  insertedRegions(): Array<[number, number]> {
    const { newStarts, newEnds, newLength } = this.runs;
    const regions: Array<[number, number]> = [];
    let at = 0;
    for (let i = 0; i < newStarts.length; i++) {
      const start = newStarts[i] ?? 0;
      if (start > at) regions.push([at, start]);
      at = newEnds[i] ?? 0;
    }
    if (newLength > at) regions.push([at, newLength]);
    return regions;
  }

  /** Where `newText[start, end)` came from; "own" is old text within [ownStart, ownEnd). */
  provenance(start: number, end: number, ownStart: number, ownEnd: number): Provenance {
    const { newStarts, newEnds } = this.runs;
    const result: Provenance = { inserted: 0, own: 0, foreign: 0 };
    let common = 0;
    for (let i = Math.max(0, lastAtOrBefore(newStarts, start)); i < newStarts.length; i++) {
      const runStart = newStarts[i] ?? 0;
      const runEnd = newEnds[i] ?? 0;
      if (runStart >= end) break;
      const from = Math.max(start, runStart);
      const to = Math.min(end, runEnd);
      if (to <= from) continue;
      common += to - from;
      // The old side of the overlap (runs of unequal length are single tokens).
      const oldFrom = inRunReverse(this.runs, i, from);
      const oldTo = Math.max(oldFrom, inRunReverse(this.runs, i, to));
      const inside = Math.max(0, Math.min(oldTo, ownEnd) - Math.max(oldFrom, ownStart));
      const share =
        oldTo > oldFrom
          ? inside / (oldTo - oldFrom)
          : oldFrom >= ownStart && oldFrom <= ownEnd
            ? 1
            : 0;
      result.own += (to - from) * share;
      result.foreign += (to - from) * (1 - share);
    }
    result.inserted = end - start - common;
    return result;
  }
}

/** New offset of old offset `at` inside run i. */
function inRun(runs: CommonRuns, i: number, at: number): number {
  const oldStart = runs.oldStarts[i] ?? 0;
  const newStart = runs.newStarts[i] ?? 0;
  const newEnd = runs.newEnds[i] ?? 0;
  if (at >= (runs.oldEnds[i] ?? 0)) return newEnd;
  return Math.min(newEnd, newStart + (at - oldStart));
}

/** Old offset of new offset `at` inside run i. */
function inRunReverse(runs: CommonRuns, i: number, at: number): number {
  const oldStart = runs.oldStarts[i] ?? 0;
  const oldEnd = runs.oldEnds[i] ?? 0;
  const newStart = runs.newStarts[i] ?? 0;
  if (at >= (runs.newEnds[i] ?? 0)) return oldEnd;
  return Math.min(oldEnd, oldStart + (at - newStart));
}

/** The new offset where the gap after run i ends (the start of run i + 1, or the end). */
function gapEnd(runs: CommonRuns, i: number): number {
  return i + 1 < runs.newStarts.length ? (runs.newStarts[i + 1] ?? 0) : runs.newLength;
}

/** Index of the last value <= `at` in an ascending array, or -1. */
function lastAtOrBefore(values: Int32Array, at: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) <= at) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
