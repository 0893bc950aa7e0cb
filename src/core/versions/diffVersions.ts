import { diffArrays } from 'diff';
import type { DiffSegment, VersionDiff } from '../../shared/api';
import type { ReadableDB } from '../db/openDatabase';
import { readVersion } from './versionQueries';

/**
 * Two versions of a source compared word by word: `to` defaults to the current
 * version and `from` to the one before `to` (a source with one version compares
 * it with itself: nothing changed).
 */
export function diffVersions(
  db: ReadableDB,
  sourceId: number,
  from?: number,
  to?: number,
): VersionDiff {
  return db.transaction((): VersionDiff => {
    const after = readVersion(db, sourceId, to);
    const fromNumber = from ?? Math.max(1, after.number - 1);
    const before = fromNumber === after.number ? after : readVersion(db, sourceId, fromNumber);
    const segments = diffTexts(before.text, after.text);
    return {
      sourceId: String(sourceId),
      from: before.number,
      to: after.number,
      segments,
      stats: {
        added: countChars(segments, 'added'),
        removed: countChars(segments, 'removed'),
      },
    };
  })();
}

/** Beyond these, a diff gives up: the changed text is shown as all removed and all added. */
const PARAGRAPH_DIFF_TIMEOUT_MS = 1000;
const WORD_DIFF_TIMEOUT_MS = 1000;

/**
 * A word-level diff of two texts, in two steps: paragraphs first (unchanged
 * paragraphs are never cut into words, so a long article with a few edits is
 * compared quickly, and a change never pairs words of unrelated paragraphs),
 * then the words of each run of paragraphs that was replaced. Words are
 * Intl.Segmenter's (Chinese and Japanese words from its dictionaries, not whole
 * sentences; Arabic, Persian and Hebrew words between spaces), so segments never
 * split a character.
 */
export function diffTexts(before: string, after: string): DiffSegment[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const paragraphs = diffTokens(
    paragraphsOf(before),
    paragraphsOf(after),
    PARAGRAPH_DIFF_TIMEOUT_MS,
  ) ?? [{ same: '', removed: before, added: after }];
  const hunks = paragraphs.flatMap((hunk): Hunk[] => {
    if (hunk.removed === '' || hunk.added === '') return [hunk];
    const words = diffTokens(wordsOf(hunk.removed), wordsOf(hunk.added), WORD_DIFF_TIMEOUT_MS);
    if (!words) return [hunk];
    return [{ same: hunk.same, removed: '', added: '' }, ...words];
  });
  return toSegments(absorbSmallEqualities(hunks).map(sharedSpacesOut));
}

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
/** V8 segments one long string in quadratic time; a line at a time it is linear. */
const MAX_CHUNK = 4096;

/**
 * The text's words, each with the whitespace after it: spaces are then no
 * anchors of their own, which would otherwise chop a rewritten sentence into
 * single-word changes around the spaces it shares with the old one.
 */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const chunk of chunksOf(text)) {
    for (const { segment } of wordSegmenter.segment(chunk)) {
      if (words.length > 0 && /^\s+$/.test(segment)) words[words.length - 1] += segment;
      else words.push(segment);
    }
  }
  return words;
}

/**
 * The text cut into pieces no word spans: lines (with their line breaks), and a
 * line longer than MAX_CHUNK cut after a space, or failing one (Chinese,
 * Japanese) between two characters, never inside one.
 */
function* chunksOf(text: string): Generator<string> {
  for (const line of text.match(/[^\n]*\n*/g) ?? []) {
    let rest = line;
    while (rest.length > MAX_CHUNK) {
      const space = rest.lastIndexOf(' ', MAX_CHUNK);
      let cut = space > 0 ? space + 1 : MAX_CHUNK;
      while (cut > 1 && continuesCharacter(rest, cut)) cut--;
      yield rest.slice(0, cut);
      rest = rest.slice(cut);
    }
    if (rest !== '') yield rest;
  }
}

/** Paragraphs, each with the line breaks after it. */
function paragraphsOf(text: string): string[] {
  return text.match(/[^\n]+\n*|\n+/g) ?? [];
}

/** Whether a cut before `index` would split a surrogate pair or a letter from its marks. */
function continuesCharacter(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return (unit >= 0xdc00 && unit <= 0xdfff) || /[\p{M}\u200D]/u.test(text.charAt(index));
}

/** A run of text both sides share, then what replaced what right after it. */
interface Hunk {
  same: string;
  removed: string;
  added: string;
}

/** A run of tokens both sides share, or that only one side has. */
interface Run {
  kind: DiffSegment['kind'];
  tokens: string[];
}

/**
 * The common head and tail are cut off first (most revisions change little of a
 * long text, and jsdiff's Myers diff costs length × changes), then jsdiff
 * compares the tokens in between. Undefined when it runs out of time.
 */
function diffTokens(
  before: readonly string[],
  after: readonly string[],
  timeout: number,
): Hunk[] | undefined {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  const middle = diffArrays(
    before.slice(head, before.length - tail),
    after.slice(head, after.length - tail),
    { timeout },
  );
  if (middle === undefined) return undefined;
  const runs: Run[] = [
    { kind: 'same', tokens: before.slice(0, head) },
    ...middle.map(
      (change): Run => ({
        kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
        tokens: change.value,
      }),
    ),
    { kind: 'same', tokens: before.slice(before.length - tail) },
  ];
  slideToBoundaries(runs);

  const hunks: Hunk[] = [];
  for (const run of runs) {
    const text = run.tokens.join('');
    const last = hunks[hunks.length - 1];
    if (run.kind === 'same' || !last) hunks.push({ same: '', removed: '', added: '' });
    const hunk = hunks[hunks.length - 1]!;
    if (run.kind === 'same') hunk.same = text;
    else hunk[run.kind] += text;
  }
  return hunks;
}

/**
 * Where an insertion or a deletion sits between shared text is often a choice
 * ("A.\n\n" inserted before "B" or "\n\nA." after the text before): each one is
 * slid, token by token, to the place where it reads as a whole — starting a line
 * or a word, ending with a line break or a space.
 */
function slideToBoundaries(runs: Run[]): void {
  for (let index = 1; index < runs.length - 1; index++) {
    const before = runs[index - 1]!;
    const change = runs[index]!;
    const after = runs[index + 1]!;
    if (change.kind === 'same' || before.kind !== 'same' || after.kind !== 'same') continue;
    const tokens = change.tokens;
    let left = 0;
    while (
      left < tokens.length &&
      left < before.tokens.length &&
      tokens[tokens.length - 1 - left] === before.tokens[before.tokens.length - 1 - left]
    ) {
      left++;
    }
    let right = 0;
    while (
      right < tokens.length &&
      right < after.tokens.length &&
      tokens[right] === after.tokens[right]
    ) {
      right++;
    }
    let best = 0;
    let bestScore = -1;
    for (let shift = -left; shift <= right; shift++) {
      const shifted = rotate(tokens, shift);
      const previous =
        shift < 0
          ? before.tokens[before.tokens.length - 1 + shift]
          : shift === 0
            ? before.tokens[before.tokens.length - 1]
            : tokens[shift - 1];
      const score = boundaryScore(previous ?? '\n', shifted);
      if (score > bestScore) [best, bestScore] = [shift, score];
    }
    if (best < 0) {
      change.tokens = rotate(tokens, best);
      after.tokens = [...tokens.slice(tokens.length + best), ...after.tokens];
      before.tokens = before.tokens.slice(0, before.tokens.length + best);
    } else if (best > 0) {
      change.tokens = rotate(tokens, best);
      before.tokens = [...before.tokens, ...tokens.slice(0, best)];
      after.tokens = after.tokens.slice(best);
    }
  }
}

/** The change's tokens seen `shift` tokens later (the text around it being the same). */
function rotate(tokens: readonly string[], shift: number): string[] {
  const at = ((shift % tokens.length) + tokens.length) % tokens.length;
  return [...tokens.slice(at), ...tokens.slice(0, at)];
}

/** How well a change reads at a place: after `previous` (the shared token before it). */
function boundaryScore(previous: string, tokens: readonly string[]): number {
  const first = tokens[0] ?? '';
  const last = tokens[tokens.length - 1] ?? '';
  let score = 0;
  if (previous.endsWith('\n')) score += 3;
  else if (/\s$/.test(previous)) score += 2;
  if (/^[\p{L}\p{N}]/u.test(first)) score += 1;
  if (last.endsWith('\n')) score += 2;
  else if (/\s$/.test(last)) score += 1;
  return score;
}

/**
 * Folds a short stretch of shared spaces or punctuation between two changes into
 * them (after diff-match-patch's semantic cleanup): `[-the old-]{+a new+}` reads
 * better than two changes around a shared space. A stretch is folded when it is
 * only spaces and punctuation, holds no line break, and is no longer than the
 * changes on either side.
 */
function absorbSmallEqualities(hunks: readonly Hunk[]): Hunk[] {
  const result: Hunk[] = [];
  for (const hunk of hunks) {
    const previous = result[result.length - 1];
    const hasChange = hunk.removed !== '' || hunk.added !== '';
    const absorb =
      previous !== undefined &&
      hasChange &&
      (previous.removed !== '' || previous.added !== '') &&
      /^[\s\p{P}]+$/u.test(hunk.same) &&
      !hunk.same.includes('\n') &&
      hunk.same.length <= changeSize(previous) &&
      hunk.same.length <= changeSize(hunk);
    if (absorb) {
      previous.removed += hunk.same + hunk.removed;
      previous.added += hunk.same + hunk.added;
    } else {
      result.push({ ...hunk });
    }
  }
  return result;
}

/**
 * A replacement's removed and added text often end with the same space (words
 * carry theirs): it belongs to the shared text after them, `[-tells-]{+reports+} of`.
 */
function sharedSpacesOut(hunk: Hunk, index: number, hunks: readonly Hunk[]): Hunk {
  const next = hunks[index + 1];
  if (!next || hunk.removed === '' || hunk.added === '') return hunk;
  const space = (text: string) => /\s*$/.exec(text)![0];
  const removedSpace = space(hunk.removed);
  const addedSpace = space(hunk.added);
  let shared = 0;
  while (
    shared < removedSpace.length &&
    shared < addedSpace.length &&
    removedSpace[removedSpace.length - 1 - shared] === addedSpace[addedSpace.length - 1 - shared]
  ) {
    shared++;
  }
  if (shared === 0 || shared === hunk.removed.length || shared === hunk.added.length) return hunk;
  next.same = hunk.removed.slice(hunk.removed.length - shared) + next.same;
  return {
    same: hunk.same,
    removed: hunk.removed.slice(0, hunk.removed.length - shared),
    added: hunk.added.slice(0, hunk.added.length - shared),
  };
}

function changeSize(hunk: Hunk): number {
  return Math.max(hunk.removed.length, hunk.added.length);
}

function toSegments(hunks: readonly Hunk[]): DiffSegment[] {
  const segments: DiffSegment[] = [];
  const push = (kind: DiffSegment['kind'], text: string) => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last?.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  for (const hunk of hunks) {
    push('same', hunk.same);
    push('removed', hunk.removed);
    push('added', hunk.added);
  }
  return segments;
}

function countChars(segments: readonly DiffSegment[], kind: DiffSegment['kind']): number {
  return segments
    .filter((segment) => segment.kind === kind)
    .reduce((count, segment) => count + Array.from(segment.text).length, 0);
}
