/**
 * Re-anchoring on revision cases generated from real pages (revisionCases.ts):
 * every edit kind on every page, with the truth known. Skipped, saying so, when
 * ../shared is absent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { reanchorPassages, type ReanchorStatus } from '../../../src/core/anchoring/reanchor';
import { hasCorpus } from '../support/corpusPages';
import { fillersFrom, loadRealPages } from './realPages';
import {
  EDIT_KINDS,
  generateRevisionCases,
  judgeOutcome,
  type EditKind,
  type Outcome,
} from './revisionCases';

if (!hasCorpus) {
  console.log('revisionCases.test: skipped: ../shared/corpus/readability-pages is absent');
}

interface Tally {
  outcomes: Record<Outcome, number>;
  /** Statuses given to the case's own passage (not the controls). */
  statuses: Partial<Record<ReanchorStatus, number>>;
  failures: string[];
}

function emptyTally(): Tally {
  return {
    outcomes: { correct: 0, 'orphaned-gone': 0, imprecise: 0, wrong: 0, 'orphaned-present': 0 },
    statuses: {},
    failures: [],
  };
}

/** What a passage aimed at by each kind of edit must become, when not orphaned. */
const expectedStatuses: Record<EditKind, ReadonlyArray<ReanchorStatus>> = {
  'insert-before': ['moved'],
  'insert-after': ['exact', 'moved'],
  'edit-inside': ['fuzzy'],
  'edit-inside-twice': ['fuzzy'],
  'edit-around': ['exact', 'moved'],
  typography: ['exact', 'moved'],
  reorder: ['exact', 'moved'],
  'reorder-block': ['exact', 'moved'],
  'move-and-edit': ['fuzzy'],
  'delete-sentence': ['orphaned'],
  'delete-paragraph': ['orphaned'],
  'replace-sentence': ['orphaned'],
  'lookalike-deleted': ['orphaned'],
  'lookalike-kept': ['exact', 'moved'],
  'same-phrase-kept': ['exact', 'moved'],
  'same-phrase-deleted': ['orphaned'],
  'span-paragraphs': ['moved'],
  'edits-elsewhere': ['exact', 'moved'],
  'heavy-revision': ['exact', 'moved'],
};

describe.skipIf(!hasCorpus)('re-anchoring revision cases generated from real pages', () => {
  const tallies = new Map<EditKind | 'controls', Tally>();
  const tally = (key: EditKind | 'controls') => {
    let found = tallies.get(key);
    if (!found) tallies.set(key, (found = emptyTally()));
    return found;
  };

  const truthErrors: string[] = [];

  beforeAll(() => {
    const pages = loadRealPages();
    const fillers = fillersFrom(pages);
    for (const page of pages) {
      for (const revision of generateRevisionCases(page.id, page.text, { fillers })) {
        // The generator's own truth: an unchanged passage reads the same where it says.
        revision.truths.forEach((truth, i) => {
          const passage = revision.passages[i];
          if (!truth || truth.changed || !passage) return;
          if (revision.newText.slice(truth.start, truth.end) !== passage.exact) {
            truthErrors.push(`${revision.id} #${i}`);
          }
        });
        const results = reanchorPassages(revision.oldText, revision.newText, revision.passages);
        results.forEach((result, i) => {
          const counts = tally(i === 0 ? revision.kind : 'controls');
          const outcome = judgeOutcome(result, revision.truths[i] ?? null);
          counts.outcomes[outcome]++;
          if (i === 0) counts.statuses[result.status] = (counts.statuses[result.status] ?? 0) + 1;
          if (outcome !== 'correct' && outcome !== 'orphaned-gone') {
            counts.failures.push(`${revision.id} #${i}: ${outcome} (${result.status})`);
          }
        });
      }
    }
  }, 120_000);

  it('generates cases whose truth holds', () => {
    expect(truthErrors).toEqual([]);
  });

  it.each(EDIT_KINDS)('%s: never attached to the wrong text, and the right status', (kind) => {
    const { outcomes, statuses, failures } = tally(kind);
    const total = Object.values(outcomes).reduce((a, b) => a + b, 0);
    expect(total, 'cases generated').toBeGreaterThan(20);
    expect(outcomes.wrong, failures.join('\n')).toBe(0);
    expect(outcomes.imprecise, failures.join('\n')).toBeLessThanOrEqual(total * 0.02);
    const attached = Object.entries(statuses).filter(([status]) => status !== 'orphaned');
    for (const [status] of attached) expect(expectedStatuses[kind]).toContain(status);
  });

  it('passages elsewhere in the text (controls) are never attached wrongly', () => {
    const { outcomes, failures } = tally('controls');
    expect(outcomes.wrong + outcomes.imprecise, failures.join('\n')).toBe(0);
  });

  it('re-anchors at least 98% of all passages correctly', () => {
    let correct = 0;
    let total = 0;
    const failures: string[] = [];
    for (const { outcomes, failures: some } of tallies.values()) {
      correct += outcomes.correct + outcomes['orphaned-gone'];
      total += Object.values(outcomes).reduce((a, b) => a + b, 0);
      failures.push(...some);
    }
    expect(total).toBeGreaterThan(1000);
    expect(correct / total, failures.join('\n')).toBeGreaterThanOrEqual(0.98);
  });
});
