import { describe, expect, it } from 'vitest';
import {
  contextSimilarity,
  editDistance,
  judge,
  RULES,
  weightedScore,
  type Candidate,
} from '../../../src/core/anchoring/score';

function candidate(overrides: Partial<Candidate>): Candidate {
  const base = {
    start: 0,
    end: 100,
    quote: 1,
    prefix: 1,
    suffix: 1,
    position: 1,
    same: false,
    mapped: false,
    existedElsewhere: false,
    provenance: { inserted: 100, own: 0, foreign: 0 },
  };
  const merged = { ...base, ...overrides };
  return {
    ...merged,
    score:
      overrides.score ?? weightedScore(merged.quote, merged.prefix, merged.suffix, merged.position),
  };
}

const never = () => false;

describe('scores', () => {
  it('weights quote, prefix, suffix and position 50/20/20/2 as Hypothesis does', () => {
    expect(weightedScore(1, 1, 1, 1)).toBe(1);
    expect(weightedScore(1, 0, 0, 0)).toBeCloseTo(50 / 92);
    expect(weightedScore(0, 1, 1, 0)).toBeCloseTo(40 / 92);
  });

  it('measures context right beside the candidate as 1 − edits / length', () => {
    expect(contextSimilarity('said on monday ', 'officials said on monday ', 'before')).toBe(1);
    expect(contextSimilarity('said on monday ', 'officials said on sunday ', 'before')).toBeCloseTo(
      1 - 2 / 15,
    );
    expect(contextSimilarity(' and then', ' and then some', 'after')).toBe(1);
    // The same words further away are not the context.
    expect(
      contextSimilarity('said on monday ', 'said on monday, and more ', 'before'),
    ).toBeLessThan(0.5);
    // No context: the passage was at an end of the text, so must its new place be.
    expect(contextSimilarity('', ' ', 'after')).toBe(1);
    expect(contextSimilarity('', 'anything', 'after')).toBe(0);
    expect(contextSimilarity('said', '', 'before')).toBe(0);
  });

  it('computes edit distances up to a limit', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('', 'abc', 5)).toBe(3);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });
});

describe('the honesty rules', () => {
  it('never lets text that already existed elsewhere take the passage', () => {
    const lookalike = candidate({ quote: 0.9, provenance: { inserted: 0, own: 0, foreign: 100 } });
    expect(judge([lookalike], 100, never)).toEqual({ suggestion: lookalike });
    const copied = candidate({ quote: 0.9, existedElsewhere: true });
    expect(judge([copied], 100, never).accepted).toBeUndefined();
  });

  it('refuses a weak best candidate', () => {
    const weak = candidate({ quote: 0.76, prefix: 0.3, suffix: 0.3, position: 0.9 });
    expect(weak.score).toBeLessThan(RULES.minScore);
    expect(judge([weak], 100, never)).toEqual({ suggestion: weak });
  });

  it('refuses two close candidates, and takes one clearly ahead', () => {
    const a = candidate({ start: 0, end: 100, quote: 0.9 });
    const b = candidate({ start: 200, end: 300, quote: 0.88 });
    expect(judge([a, b], 100, never).accepted).toBeUndefined();
    expect(judge([a, b], 100, never).suggestion).toBe(a);
    const far = candidate({ start: 200, end: 300, quote: 0.76, prefix: 0.2, suffix: 0.2 });
    expect(judge([a, far], 100, never).accepted).toBe(a);
  });

  it('takes an unchanged quote elsewhere only when long or with its context', () => {
    const moved = { same: true, prefix: 0, suffix: 0 };
    expect(judge([candidate(moved)], 40, never).accepted).toBeDefined();
    expect(judge([candidate(moved)], 12, never).accepted).toBeUndefined();
    expect(judge([candidate({ ...moved, suffix: 0.9 })], 12, never).accepted).toBeDefined();
    // A phrase the old text had twice needs its context, even long.
    expect(judge([candidate(moved)], 40, () => true).accepted).toBeUndefined();
  });

  it('takes a quote edited in place with a lower similarity when its context is intact', () => {
    const own = { provenance: { inserted: 30, own: 70, foreign: 0 } };
    expect(judge([candidate({ ...own, quote: 0.6 })], 100, never).accepted).toBeDefined();
    expect(
      judge([candidate({ ...own, quote: 0.6, suffix: 0.4 })], 100, never).accepted,
    ).toBeUndefined();
    expect(judge([candidate({ quote: 0.6 })], 100, never).accepted).toBeUndefined();
  });
});
