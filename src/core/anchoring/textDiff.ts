/**
 * The diff of two versions of a text, as the runs of text they have in common.
 *
 * Two levels keep it fast on long articles and sane on heavy edits: first
 * sentences and paragraphs are diffed as whole chunks, then the tokens of each
 * replaced stretch (jsdiff's Myers diff both times). Tokens compare by their folded
 * keys (tokens.ts), so whitespace, quote-mark or case changes are not edits. Short
 * coincidental matches inside rewritten stretches (a space, "the") are dropped, so a
 * rewritten sentence reads as replaced rather than as a mosaic of common letters.
 */
import { diffArrays } from 'diff';
import { chunkKeys, FoldCache, tokenize, type Tokens } from './tokens';

/**
 * Runs of text common to both versions, in order in both: run i is
 * `oldText[oldStarts[i], oldEnds[i])`, found again at `newText[newStarts[i], newEnds[i])`.
 * A run's two sides have the same length except for a single token that differs only
 * in form (whitespace, a ligature).
 */
export interface CommonRuns {
  readonly oldStarts: Int32Array;
  readonly oldEnds: Int32Array;
  readonly newStarts: Int32Array;
  readonly newEnds: Int32Array;
  readonly oldLength: number;
  readonly newLength: number;
}

/** A stretch between two anchors with more chunk edits than this is replaced whole. */
const MAX_CHUNK_EDITS = 200;
/** A replaced stretch with more token edits than this stays replaced whole. */
const MAX_TOKEN_EDITS = 400;
/** A replaced stretch longer than this (tokens, either side) stays replaced whole. */
const MAX_STRETCH_TOKENS = 20_000;
/**
 * What aligning replaced stretches word by word may cost in all, in Myers steps (the
 * square of each one's edits): a revision that rewrote half the article does not
 * get to spend seconds on it. Past it, stretches stay replaced whole.
 */
const TOKEN_DIFF_STEPS = 1_000_000;

/**
 * The runs `oldText` and `newText` have in common.
 *
 * Chunks found once in each version anchor the alignment (patience diff: the longest
 * run of such chunks in the same order), so a moved paragraph reads as deleted here
 * and inserted there, and the cost stays near-linear however much was reordered.
 * Between anchors, jsdiff aligns the remaining chunks, then the tokens of replaced
 * chunks. Its Myers diff costs the square of the edits, so each step has a budget;
 * a stretch over budget stays replaced whole, and its passages are found by search.
 */
export function commonRuns(oldText: string, newText: string): CommonRuns {
  const folds = new FoldCache();
  const oldTokens = tokenize(oldText, folds);
  const newTokens = tokenize(newText, folds);
  const builder = new RunBuilder(oldTokens, newTokens);
  const oldKeys = chunkKeys(oldTokens);
  const newKeys = chunkKeys(newTokens);
  let oldAt = 0;
  let newAt = 0;
  for (const [oldChunk, newChunk] of uniqueAnchors(oldKeys, newKeys)) {
    diffChunks(builder, oldKeys, newKeys, oldAt, oldChunk, newAt, newChunk);
    builder.equalChunks(oldChunk, newChunk, 1);
    oldAt = oldChunk + 1;
    newAt = newChunk + 1;
  }
  diffChunks(builder, oldKeys, newKeys, oldAt, oldKeys.length, newAt, newKeys.length);
  return builder.result();
}

/**
 * Pairs of chunks whose key occurs once in each version, the longest chain of them
 * in the same order in both (found as a longest increasing subsequence).
 */
function uniqueAnchors(oldKeys: number[], newKeys: number[]): Array<[number, number]> {
  const onlyIndex = (keys: number[]) => {
    const index = new Map<number, number>();
    keys.forEach((key, i) => index.set(key, index.has(key) ? -1 : i));
    return index;
  };
  const oldIndex = onlyIndex(oldKeys);
  const newIndex = onlyIndex(newKeys);
  // New-side indexes in old order.
  const pairs: Array<[number, number]> = [];
  oldKeys.forEach((key, i) => {
    const j = newIndex.get(key) ?? -1;
    if (oldIndex.get(key) === i && j >= 0) pairs.push([i, j]);
  });
  // Patience sorting: tails[k] is the pair ending the best chain of length k + 1.
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, j], p) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((pairs[tails[middle] ?? 0]?.[1] ?? 0) < j) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[p] = tails[low - 1] ?? -1;
    tails[low] = p;
  });
  const chain: Array<[number, number]> = [];
  for (let p = tails[tails.length - 1] ?? -1; p >= 0; p = previous[p] ?? -1) {
    const pair = pairs[p];
    if (pair) chain.push(pair);
  }
  return chain.reverse();
}

/** Aligns old chunks [oldFrom, oldTo) with new chunks [newFrom, newTo). */
function diffChunks(
  builder: RunBuilder,
  oldKeys: number[],
  newKeys: number[],
  oldFrom: number,
  oldTo: number,
  newFrom: number,
  newTo: number,
): void {
  if (oldFrom >= oldTo || newFrom >= newTo) return;
  const changes = diffArrays(oldKeys.slice(oldFrom, oldTo), newKeys.slice(newFrom, newTo), {
    maxEditLength: MAX_CHUNK_EDITS,
  });
  if (!changes) {
    builder.replacedChunks(oldFrom, oldTo, newFrom, newTo);
    return;
  }
  let oldChunk = oldFrom;
  let newChunk = newFrom;
  let removed = 0;
  let added = 0;
  const flushHunk = () => {
    if (removed > 0 && added > 0) {
      builder.replacedChunks(oldChunk - removed, oldChunk, newChunk - added, newChunk);
    }
    removed = 0;
    added = 0;
  };
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (change.removed) {
      oldChunk += count;
      removed += count;
    } else if (change.added) {
      newChunk += count;
      added += count;
    } else {
      flushHunk();
      builder.equalChunks(oldChunk, newChunk, count);
      oldChunk += count;
      newChunk += count;
    }
  }
  flushHunk();
}

/** One step of a token diff: `equal` tokens in common, or `removed` old ones replaced by `added` new ones. */
interface Step {
  equal: number;
  removed: number;
  added: number;
  /** Length in characters of the old and new sides. */
  oldChars: number;
  newChars: number;
}

/** Diffs old tokens [oldFrom, oldTo) against new tokens [newFrom, newTo) into `builder`. */
function diffTokenStretch(
  builder: RunBuilder,
  oldFrom: number,
  oldTo: number,
  newFrom: number,
  newTo: number,
): void {
  if (oldTo - oldFrom > MAX_STRETCH_TOKENS || newTo - newFrom > MAX_STRETCH_TOKENS) return;
  const oldIds = Array.from(builder.oldTokens.keys.subarray(oldFrom, oldTo));
  const newIds = Array.from(builder.newTokens.keys.subarray(newFrom, newTo));
  // Stretches with less than a quarter in common are not worth aligning word by word.
  const budget = Math.min(
    MAX_TOKEN_EDITS,
    Math.max(16, Math.ceil((oldIds.length + newIds.length) / 2)),
    Math.floor(Math.sqrt(builder.steps)),
  );
  if (budget < 1) return;
  const changes = diffArrays(oldIds, newIds, { maxEditLength: budget });
  const edits = changes
    ? changes.reduce((sum, c) => sum + (c.added || c.removed ? (c.count ?? 0) : 0), 0)
    : budget;
  builder.steps -= edits * edits;
  if (!changes) return;
  const steps: Step[] = [];
  let oldAt = oldFrom;
  let newAt = newFrom;
  const charsOf = (tokens: Tokens, from: number, count: number) =>
    (tokens.starts[from + count] ?? 0) - (tokens.starts[from] ?? 0);
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    const last = steps[steps.length - 1];
    if (change.removed || change.added) {
      const step = last && last.equal === 0 ? last : undefined;
      const target = step ?? { equal: 0, removed: 0, added: 0, oldChars: 0, newChars: 0 };
      if (change.removed) {
        target.removed += count;
        target.oldChars += charsOf(builder.oldTokens, oldAt, count);
        oldAt += count;
      } else {
        target.added += count;
        target.newChars += charsOf(builder.newTokens, newAt, count);
        newAt += count;
      }
      if (!step) steps.push(target);
    } else {
      steps.push({
        equal: count,
        removed: 0,
        added: 0,
        oldChars: charsOf(builder.oldTokens, oldAt, count),
        newChars: charsOf(builder.newTokens, newAt, count),
      });
      oldAt += count;
      newAt += count;
    }
  }
  oldAt = oldFrom;
  newAt = newFrom;
  for (const step of dropCoincidences(steps)) {
    if (step.equal > 0) builder.equalTokens(oldAt, newAt, step.equal);
    oldAt += step.equal + step.removed;
    newAt += step.equal + step.added;
  }
}

/**
 * Turns common stretches shorter than the edits on both sides of them into edits
 * (diff-match-patch's semantic cleanup): "the" shared by two different sentences,
 * or a name shared by two different paragraphs, is not the same text.
 */
function dropCoincidences(steps: Step[]): Step[] {
  const result: Step[] = [];
  for (const step of steps) {
    const last = result[result.length - 1];
    if (step.equal === 0 && last && last.equal === 0) merge(last, step);
    else result.push({ ...step });
    // Each merge makes an edit longer, which may make the equal step before it a coincidence too.
    for (;;) {
      const [edit1, equal, edit2] = result.slice(-3);
      if (!edit1 || !equal || !edit2 || !isCoincidence(equal, edit1, edit2)) break;
      result.length -= 2;
      merge(edit1, { ...equal, removed: equal.equal, added: equal.equal, equal: 0 });
      merge(edit1, edit2);
    }
  }
  return result;
}

function isCoincidence(equal: Step, before: Step, after: Step): boolean {
  if (before.equal > 0 || equal.equal === 0 || after.equal > 0) return false;
  const chars = Math.max(equal.oldChars, equal.newChars);
  return (
    chars <= Math.max(before.oldChars, before.newChars) &&
    chars <= Math.max(after.oldChars, after.newChars)
  );
}

function merge(into: Step, step: Step): void {
  into.removed += step.removed;
  into.added += step.added;
  into.oldChars += step.oldChars;
  into.newChars += step.newChars;
}

/** Collects equal tokens into runs of equal-length text. */
class RunBuilder {
  /** What word-by-word alignment may still cost (see TOKEN_DIFF_STEPS). */
  steps = TOKEN_DIFF_STEPS;
  private readonly oldStarts: number[] = [];
  private readonly oldEnds: number[] = [];
  private readonly newStarts: number[] = [];
  private readonly newEnds: number[] = [];

  constructor(
    readonly oldTokens: Tokens,
    readonly newTokens: Tokens,
  ) {}

  /** Old tokens [oldFrom, oldFrom + count) equal new tokens [newFrom, newFrom + count). */
  equalTokens(oldFrom: number, newFrom: number, count: number): void {
    const oldStarts = this.oldTokens.starts;
    const newStarts = this.newTokens.starts;
    for (let t = 0; t < count; t++) {
      const oldStart = oldStarts[oldFrom + t] ?? 0;
      const oldEnd = oldStarts[oldFrom + t + 1] ?? 0;
      const newStart = newStarts[newFrom + t] ?? 0;
      const newEnd = newStarts[newFrom + t + 1] ?? 0;
      this.add(oldStart, oldEnd, newStart, newEnd);
    }
  }

  /** Old chunks from `oldChunk` equal new chunks from `newChunk`, `count` of them. */
  equalChunks(oldChunk: number, newChunk: number, count: number): void {
    const oldFrom = this.oldTokens.chunkStarts[oldChunk] ?? 0;
    const newFrom = this.newTokens.chunkStarts[newChunk] ?? 0;
    const oldTo = this.oldTokens.chunkStarts[oldChunk + count] ?? 0;
    this.equalTokens(oldFrom, newFrom, oldTo - oldFrom);
  }

  /** Old chunks [oldFrom, oldTo) were replaced by new chunks [newFrom, newTo): align their tokens. */
  replacedChunks(oldFrom: number, oldTo: number, newFrom: number, newTo: number): void {
    const { chunkStarts: oldStarts } = this.oldTokens;
    const { chunkStarts: newStarts } = this.newTokens;
    diffTokenStretch(
      this,
      oldStarts[oldFrom] ?? 0,
      oldStarts[oldTo] ?? 0,
      newStarts[newFrom] ?? 0,
      newStarts[newTo] ?? 0,
    );
  }

  result(): CommonRuns {
    return {
      oldStarts: Int32Array.from(this.oldStarts),
      oldEnds: Int32Array.from(this.oldEnds),
      newStarts: Int32Array.from(this.newStarts),
      newEnds: Int32Array.from(this.newEnds),
      oldLength: this.oldTokens.starts[this.oldTokens.starts.length - 1] ?? 0,
      newLength: this.newTokens.starts[this.newTokens.starts.length - 1] ?? 0,
    };
  }

  private add(oldStart: number, oldEnd: number, newStart: number, newEnd: number): void {
    const last = this.oldEnds.length - 1;
    const sameLength = oldEnd - oldStart === newEnd - newStart;
    const lastSameLength =
      last >= 0 &&
      (this.oldEnds[last] ?? 0) - (this.oldStarts[last] ?? 0) ===
        (this.newEnds[last] ?? 0) - (this.newStarts[last] ?? 0);
    if (
      sameLength &&
      lastSameLength &&
      this.oldEnds[last] === oldStart &&
      this.newEnds[last] === newStart
    ) {
      this.oldEnds[last] = oldEnd;
      this.newEnds[last] = newEnd;
      return;
    }
    this.oldStarts.push(oldStart);
    this.oldEnds.push(oldEnd);
    this.newStarts.push(newStart);
    this.newEnds.push(newEnd);
  }
}
