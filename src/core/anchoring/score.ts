/**
 * How good a candidate place for a passage is, and the rules that decide whether
 * the best one may take the passage.
 *
 * The score is Hypothesis's (its match-quote.ts): quote, prefix, suffix and position
 * similarity weighted 50/20/20/2. Unlike Hypothesis, a candidate must also pass
 * the honesty rules below, or the passage is orphaned with the candidate offered
 * as a suggestion: a wrong attachment is far worse than an orphan.
 */
import type { Provenance } from './diffMap';

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const TOTAL_WEIGHT = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/**
 * The rules' thresholds. They were set on revision cases generated from real pages
 * (tests/unit/anchoring/revisionCases.ts) and are not tuned to any one page.
 */
export const RULES = {
  /** A changed quote must keep this share of its characters (1 − edits / length)… */
  minQuoteSimilarity: 0.75,
  /**
   * … or this much, where the diff puts the passage (mostly its own old text) with
   * both its prefix and suffix still around it this well: edited in place.
   */
  minInPlaceQuoteSimilarity: 0.5,
  inPlaceContext: 0.75,
  /** A changed quote's weighted score must reach this. */
  minScore: 0.75,
  /** The best candidate must beat the runner-up by this much. */
  minMargin: 0.05,
  /**
   * At most this share of a candidate may be text that the old version had
   * elsewhere: more, and it is a sentence that already existed, not the passage.
   */
  maxForeignShare: 0.25,
  /** A candidate this much made of the passage's own old text is where the diff puts it. */
  ownShare: 0.5,
  /**
   * An unchanged quote found away from where the diff puts it (say, in a moved
   * paragraph) needs this many characters when its context moved elsewhere…
   */
  distinctiveLength: 32,
  /** … or a prefix or suffix this similar to the stored one. */
  contextSupport: 0.5,
  /** Below this quote similarity, a refused candidate is not worth suggesting. */
  minSuggestionSimilarity: 0.5,
} as const;

export interface Candidate {
  /** Offsets into the new text. */
  start: number;
  end: number;
  /** 1 − edits / quote length, on folded text. */
  quote: number;
  prefix: number;
  suffix: number;
  position: number;
  /** The weighted score, 0..1. */
  score: number;
  /** The candidate's folded text is the folded quote. */
  same: boolean;
  provenance: Provenance;
  /** A changed candidate whose text the old version already had, outside the passage. */
  existedElsewhere: boolean;
  /** The very range the diff maps the passage to (rather than a search hit). */
  mapped: boolean;
}

/** Hypothesis's weighting of the four similarities. */
export function weightedScore(quote: number, prefix: number, suffix: number, position: number) {
  return (
    (WEIGHTS.quote * quote +
      WEIGHTS.prefix * prefix +
      WEIGHTS.suffix * suffix +
      WEIGHTS.position * position) /
    TOTAL_WEIGHT
  );
}

/**
 * How much of `context` (a folded prefix or suffix) is found right beside the
 * candidate: 1 − edits / length, the context aligned against `neighbourhood` (the
 * folded text on that side) from the candidate outwards. Hypothesis looks for the
 * context anywhere near; any English text then "matches" a third of another, which
 * props up unrelated candidates. A passage at the very start or end of the text has
 * no context on that side: it counts as found only at the same end of the new text
 * (Hypothesis counts it as found anywhere, so an old first sentence's lookalike
 * anywhere wins half the context score for nothing).
 */
export function contextSimilarity(
  context: string,
  neighbourhood: string,
  side: 'before' | 'after',
): number {
  if (!context.trim()) return neighbourhood.trim() ? 0 : 1;
  if (!neighbourhood) return 0;
  const [a, b] =
    side === 'after'
      ? [context, neighbourhood]
      : [[...context].reverse().join(''), [...neighbourhood].reverse().join('')];
  return 1 - outwardDistance(a, b) / context.length;
}

/** The fewest edits turning `a` into a start of `b` (how much of `b` is free). */
function outwardDistance(a: string, b: string): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return Math.min(...previous);
}

/**
 * Levenshtein distance between `a` and `b`, or `limit + 1` when it is more than
 * `limit` (only cells within `limit` of the diagonal are computed).
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 ? i : limit + 1;
    let best = current[from - 1] ?? 0;
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitution = (previous[j - 1] ?? 0) + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = j <= i - 1 + limit ? (previous[j] ?? 0) + 1 : limit + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      const value = Math.min(substitution, deletion, insertion, limit + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (to < b.length) current[to + 1] = limit + 1;
    if (best > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] ?? limit + 1, limit + 1);
}

function length(candidate: Candidate): number {
  return Math.max(1, candidate.end - candidate.start);
}

/** Not a sentence that already existed elsewhere in the old version. */
export function isAdmissible(candidate: Candidate): boolean {
  return (
    !candidate.existedElsewhere &&
    candidate.provenance.foreign <= RULES.maxForeignShare * length(candidate)
  );
}

/** Its prefix or suffix is (nearly) the stored one. */
export function hasContext(candidate: Pick<Candidate, 'prefix' | 'suffix'>): boolean {
  return Math.max(candidate.prefix, candidate.suffix) >= RULES.contextSupport;
}

/** Mostly the passage's own old text, carried over by the diff. */
export function isOwn(candidate: Candidate): boolean {
  return candidate.provenance.own >= RULES.ownShare * length(candidate);
}

/** Where the diff puts the passage, between its unchanged prefix and suffix, and still like it. */
function isEditedInPlace(candidate: Candidate): boolean {
  return (
    isOwn(candidate) &&
    candidate.prefix >= RULES.inPlaceContext &&
    candidate.suffix >= RULES.inPlaceContext &&
    candidate.quote >= RULES.minInPlaceQuoteSimilarity
  );
}

function isPlausible(candidate: Candidate): boolean {
  return candidate.quote >= RULES.minQuoteSimilarity;
}

export interface Judged {
  /** The candidate that takes the passage, if any. */
  accepted?: Candidate;
  /** Otherwise the best refused one, worth showing the analyst. */
  suggestion?: Candidate;
}

/**
 * Picks the candidate that takes the passage, or none.
 * - Text that already existed elsewhere in the old version never takes it.
 * - An unchanged quote takes it where the diff puts it, or elsewhere when it is
 *   long or its context came along; a quote the old text had twice, only with its
 *   context (which occurrence is which, the diff alone cannot always tell).
 * - A changed quote needs a minimum quote similarity and score (a lower similarity
 *   where the diff puts it between its unchanged prefix and suffix).
 * - The winner must beat the runner-up by a margin; where the diff puts the passage,
 *   only other candidates there compete.
 */
export function judge(
  candidates: readonly Candidate[],
  quoteLength: number,
  repeatedInOld: () => boolean,
): Judged {
  const admissible = candidates.filter(isAdmissible);
  const eligible = admissible.filter((candidate) => {
    if (candidate.same) {
      // A phrase the old text said twice: which one this is, only its context tells.
      if (hasContext(candidate)) return true;
      if (repeatedInOld()) return false;
      return isOwn(candidate) || quoteLength >= RULES.distinctiveLength;
    }
    // Where the diff puts it, the quote similarity is evidence enough; elsewhere the
    // context must come along too.
    if (isOwn(candidate) && isPlausible(candidate)) return true;
    if (isEditedInPlace(candidate)) return true;
    return isPlausible(candidate) && candidate.score >= RULES.minScore;
  });
  const own = eligible.filter(isOwn);
  const pool = own.length > 0 ? own : eligible;
  const rivals = (own.length > 0 ? admissible.filter(isOwn) : admissible).filter(
    (c) => c.same || isPlausible(c) || eligible.includes(c),
  );
  let best = pool.reduce<Candidate | undefined>(
    (top, candidate) => (!top || candidate.score > top.score ? candidate : top),
    undefined,
  );
  // Where the diff's bounds and a search's disagree about one place, the diff's
  // (an edited first or last word belongs to the passage) unless clearly worse.
  const mapped = pool.find(
    (c) =>
      c.mapped &&
      best &&
      c !== best &&
      overlaps(c, best) &&
      c.score >= best.score - RULES.minMargin,
  );
  if (mapped) best = mapped;
  if (best) {
    const runnerUp = rivals
      .filter((c) => c !== best && !overlaps(c, best))
      .reduce((top, c) => Math.max(top, c.score), 0);
    if (best.score - runnerUp >= RULES.minMargin) return { accepted: best };
  }
  const suggestion = [...candidates]
    .filter((c) => c.quote >= RULES.minSuggestionSimilarity)
    .sort((a, b) => b.score - a.score)[0];
  return suggestion ? { suggestion } : {};
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}
