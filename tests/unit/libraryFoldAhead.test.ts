/**
 * The library folds its filter texts ahead, in the window's idle time: the
 * first word typed then folds only that word, not every article again.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  filterSources,
  foldFilterTextsFrom,
  noFilters,
} from '../../src/renderer/library/libraryView';
import { localeFold } from '../../src/renderer/library/localeFold';
import { sourceSummary } from './support/sourceSummary';

vi.mock('../../src/renderer/library/localeFold', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/renderer/library/localeFold')>();
  return { localeFold: vi.fn(original.localeFold) };
});

describe('foldFilterTextsFrom', () => {
  const folds = vi.mocked(localeFold);
  const titles = ['Rivière en crue', 'بازار تهران', 'Harbour at dawn', 'كتاب القاهرة', 'Delta'];

  it('folds while there is time, from where it stopped, and the filter folds only the typed words', () => {
    const sources = titles.map((title) => sourceSummary({ title, siteName: 'Le Monde' }));
    folds.mockClear();
    let budget = 2;
    expect(foldFilterTextsFrom(sources, 0, () => budget-- > 0)).toBe(2);
    expect(folds).toHaveBeenCalledTimes(2);
    expect(foldFilterTextsFrom(sources, 2, () => true)).toBe(sources.length);
    expect(foldFilterTextsFrom(sources, sources.length, () => true)).toBe(sources.length);
    expect(folds).toHaveBeenCalledTimes(sources.length);

    folds.mockClear();
    const found = filterSources(sources, { ...noFilters, text: 'riviere' });
    expect(found.map(({ title }) => title)).toEqual(['Rivière en crue']);
    expect(folds.mock.calls).toEqual([['riviere']]);
    // Persian and Arabic spellings still meet, folded ahead as when folded on demand.
    const arabic = filterSources(sources, { ...noFilters, text: 'کتاب' });
    expect(arabic.map(({ title }) => title)).toEqual(['كتاب القاهرة']);
  });

  it('folds nothing when there is no time', () => {
    const sources = titles.map((title) => sourceSummary({ title }));
    folds.mockClear();
    expect(foldFilterTextsFrom(sources, 0, () => false)).toBe(0);
    expect(folds).not.toHaveBeenCalled();
  });
});
