/**
 * The library reads passage counts apart from the source summaries (a passage
 * marked reloads these alone): they must be what the summaries say.
 */
import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../src/shared/api';
import { withPassageCounts } from '../../src/renderer/library/withPassageCounts';
import { useTempCore } from './support/tempCore';

const notebook = useTempCore();

function countsBySource(): Record<string, number> {
  return Object.fromEntries(
    notebook.core.listPassageCounts({}).map((count) => [count.sourceId, count.passageCount]),
  );
}

function summaryCounts(): Record<string, number> {
  return Object.fromEntries(
    notebook.core
      .listSources({})
      .filter((source) => source.passageCount > 0)
      .map((source) => [source.id, source.passageCount]),
  );
}

describe('passage counts', () => {
  it('follow marking, deleting and the trash, as the summaries count them', async () => {
    const harbour = await notebook.core.importText({
      text: 'Harbour log\n\nThe ferry leaves at dawn.\n\nThe tide turns at noon.',
    });
    const bazaar = await notebook.core.importText({
      text: 'بازار\n\nبازار بزرگ تهران صبح زود باز می‌شود.',
    });
    await notebook.core.importText({ text: 'Unmarked\n\nNothing here is marked.' });
    expect(notebook.core.listPassageCounts({})).toEqual([]);

    const first = notebook.core.markPassage({ sourceId: harbour.sourceId, quote: 'ferry leaves' });
    notebook.core.markPassage({ sourceId: harbour.sourceId, quote: 'tide turns' });
    notebook.core.markPassage({ sourceId: bazaar.sourceId, quote: 'بازار بزرگ' });
    expect(countsBySource()).toEqual({ [harbour.sourceId]: 2, [bazaar.sourceId]: 1 });
    expect(countsBySource()).toEqual(summaryCounts());

    notebook.core.deletePassage({ passageId: first.passageId });
    notebook.core.deleteSource({ sourceId: bazaar.sourceId });
    // A source in the trash keeps its passages (they come back with it); the library lists it no more.
    expect(countsBySource()).toEqual({ [harbour.sourceId]: 1, [bazaar.sourceId]: 1 });
    expect(summaryCounts()).toEqual({ [harbour.sourceId]: 1 });
  });
});

describe('summaries with counts read since', () => {
  const summary = (id: string, passageCount: number) =>
    ({ id, title: `Source ${id}`, passageCount }) as SourceSummary;

  it('change only the summaries whose count changed', () => {
    const summaries = [summary('1', 2), summary('2', 0), summary('3', 1)];
    const merged = withPassageCounts(summaries, [
      { sourceId: '1', passageCount: 2 },
      { sourceId: '2', passageCount: 1 },
    ]);
    expect(merged.map((source) => source.passageCount)).toEqual([2, 1, 0]);
    expect(merged[0]).toBe(summaries[0]);
    expect(merged[1]).not.toBe(summaries[1]);
    expect(summaries[1]!.passageCount).toBe(0);
  });

  it('are the same list when no count changed', () => {
    const summaries = [summary('1', 2), summary('2', 0)];
    expect(withPassageCounts(summaries, [{ sourceId: '1', passageCount: 2 }])).toBe(summaries);
  });
});
