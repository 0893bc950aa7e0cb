/**
 * A stand-in for the re-anchoring engine (src/core/anchoring/reanchor.ts) whose
 * answers a test writes, for tests of what the notebook does with them:
 *
 *   vi.mock('../../src/core/anchoring/reanchor', () => import('./support/scriptedEngine'));
 */
import type { AnchoredPassage, Reanchored } from '../../../src/core/anchoring/reanchor';

export type { AnchoredPassage, Reanchored };

type Answer = (
  oldText: string,
  newText: string,
  passages: readonly AnchoredPassage[],
) => Reanchored[];

export const engine = {
  answer: undefined as Answer | undefined,
  calls: [] as Array<{ oldText: string; newText: string; passages: AnchoredPassage[] }>,
  reset(): void {
    engine.answer = undefined;
    engine.calls = [];
  },
};

/** The mocked engine function: records the call and answers as scripted. */
export function reanchorPassages(
  oldText: string,
  newText: string,
  passages: readonly AnchoredPassage[],
): Reanchored[] {
  engine.calls.push({ oldText, newText, passages: [...passages] });
  if (!engine.answer) throw new Error('test: no scripted answer for reanchorPassages');
  return engine.answer(oldText, newText, passages);
}

type Scripted = (newText: string) => Reanchored;

/** Answers each passage of the next calls in turn, in the order given. */
export function answerWith(...results: Scripted[]): void {
  engine.answer = (_oldText, newText, passages) =>
    passages.map((_, index) => results[index]!(newText));
}

/** Attaches the passage to `words` of the new text. */
export function at(words: string, status: Reanchored['status'], score = 1): Scripted {
  return (newText) => {
    const start = newText.indexOf(words);
    if (start < 0) throw new Error(`test: "${words}" is not in the new text`);
    return { status, score, start, end: start + words.length };
  };
}

/** Orphans the passage, suggesting `suggestion` (words of the new text) if given. */
export function orphan(score = 0, suggestion?: string): Scripted {
  return (newText) => {
    if (suggestion === undefined) return { status: 'orphaned', score, start: null, end: null };
    const start = newText.indexOf(suggestion);
    if (start < 0) throw new Error(`test: "${suggestion}" is not in the new text`);
    return {
      status: 'orphaned',
      score,
      start: null,
      end: null,
      suggestion: { start, end: start + suggestion.length, score },
    };
  };
}
