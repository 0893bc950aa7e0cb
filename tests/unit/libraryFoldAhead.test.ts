/**
 * The library folds its filter texts ahead, in the window's idle time: the
 * first word typed then folds only that word, not every article again.
 */
import { describe, expect, it, vi } from 'vitest';
import type { SourceSummary } from '../../src/shared/api';
import {
  filterSources,
  foldFilterTextsFrom,
  noFilters,
} from '../../src/renderer/library/libraryView';
import { localeFold } from '../../src/renderer/library/localeFold';

vi.mock('../../src/renderer/library/localeFold', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/renderer/library/localeFold')>();
  return { localeFold: vi.fn(original.localeFold) };
});

const summary = (id: number, title: string): SourceSummary => ({
  id: String(id),
  title,
  kind: 'web',
  byline: null,
  siteName: 'Le Monde',
  url: null,
  publishedAt: null,
  lang: null,
  dir: null,
  capturedAt: '2025-01-01T00:00:00.000Z',
  passageCount: 0,
  charCount: 100,
  tags: [],
  collectionIds: [],
  deletedAt: null,
});

describe('foldFilterTextsFrom', () => {
  const folds = vi.mocked(localeFold);
  const titles = ['Rivière en crue', 'بازار تهران', 'Harbour at dawn', 'كتاب القاهرة', 'Delta'];

  it('folds while there is time, from where it stopped, and the filter folds only the typed words', () => {
    const sources = titles.map((title, index) => summary(index + 1, title));
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
    expect(filterSources(sources, { ...noFilters, text: 'کتاب' }).map(({ id }) => id)).toEqual([
      '4',
    ]);
  });

  it('folds nothing when there is no time', () => {
    const sources = titles.map((title, index) => summary(index + 10, title));
    folds.mockClear();
    expect(foldFilterTextsFrom(sources, 0, () => false)).toBe(0);
    expect(folds).not.toHaveBeenCalled();
  });
});
