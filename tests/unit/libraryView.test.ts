import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../src/shared/api';
import {
  arrangeLibrary,
  defaultLibraryView,
  filterSources,
  hasFilters,
  noFilters,
  parseLibraryView,
  rearrangeLibrary,
  siteCounts,
  sortSources,
  withTag,
  sortKeys,
  type Arrangement,
  type LibraryFilters,
  type LibraryView,
} from '../../src/renderer/library/libraryView';
import { localeFold } from '../../src/renderer/library/localeFold';
import { scrollTopToReveal, visibleRows } from '../../src/renderer/library/virtualWindow';
import { chooseSeed, seededRandom, type Random } from './support/seededRandom';
import { sourceSummary } from './support/sourceSummary';

const source = sourceSummary;

const titles = (sources: SourceSummary[]) => sources.map(({ title }) => title);
const filtered = (sources: SourceSummary[], filters: Partial<LibraryFilters>) =>
  titles(filterSources(sources, { ...noFilters, ...filters }));

describe('localeFold', () => {
  it('ignores case and accents, composed or not', () => {
    expect(localeFold('Café NAÏVE')).toBe('cafe naive');
    expect(localeFold('cafe\u0301')).toBe(localeFold('caf\u00e9'));
    expect(localeFold('Ελληνικά')).toBe('ελληνικα');
  });

  it('meets Arabic and Persian spellings, without harakat, tatweel or zero-width non-joiners', () => {
    expect(localeFold('كتاب')).toBe(localeFold('کتاب'));
    expect(localeFold('علي')).toBe(localeFold('علی'));
    expect(localeFold('مُحَمَّد')).toBe(localeFold('محمد'));
    expect(localeFold('كـتـاب')).toBe(localeFold('کتاب'));
    expect(localeFold('می\u200cخواهم')).toBe(localeFold('میخواهم'));
  });

  it('keeps Korean syllables whole and compatibility forms plain', () => {
    expect(localeFold('한국어')).toBe('한국어');
    expect(localeFold('ﬁne ｆｕｌｌ')).toBe('fine full');
  });
});

describe('sortSources', () => {
  const old = source({
    title: 'Zebra crossings',
    capturedAt: '2025-01-01T10:00:00.000Z',
    publishedAt: '2019-05-01',
    siteName: 'BBC News',
    passageCount: 2,
  });
  const middle = source({
    title: 'apple harvest',
    capturedAt: '2025-02-01T10:00:00.000Z',
    publishedAt: null,
    siteName: 'al-Monitor',
    passageCount: 10,
  });
  const fresh = source({
    title: 'Éclairs in Paris',
    capturedAt: '2025-03-01T10:00:00.000Z',
    publishedAt: '2024-11-30T08:00:00Z',
    siteName: null,
    passageCount: 0,
  });
  const all = [middle, old, fresh];

  it('orders by date saved, newest first by default', () => {
    expect(titles(sortSources(all, defaultLibraryView.sort))).toEqual([
      'Éclairs in Paris',
      'apple harvest',
      'Zebra crossings',
    ]);
    expect(titles(sortSources(all, { key: 'saved', direction: 'ascending' }))).toEqual([
      'Zebra crossings',
      'apple harvest',
      'Éclairs in Paris',
    ]);
  });

  it('orders titles the way the reader reads them: case and accents do not push a title aside', () => {
    expect(titles(sortSources(all, { key: 'title', direction: 'ascending' }))).toEqual([
      'apple harvest',
      'Éclairs in Paris',
      'Zebra crossings',
    ]);
    expect(titles(sortSources(all, { key: 'title', direction: 'descending' }))).toEqual([
      'Zebra crossings',
      'Éclairs in Paris',
      'apple harvest',
    ]);
  });

  it('puts an unknown date or site last in either direction', () => {
    for (const direction of ['ascending', 'descending'] as const) {
      expect(titles(sortSources(all, { key: 'published', direction })).at(-1)).toBe(
        'apple harvest',
      );
      expect(titles(sortSources(all, { key: 'site', direction })).at(-1)).toBe('Éclairs in Paris');
    }
    expect(titles(sortSources(all, { key: 'published', direction: 'descending' }))).toEqual([
      'Éclairs in Paris',
      'Zebra crossings',
      'apple harvest',
    ]);
    expect(titles(sortSources(all, { key: 'site', direction: 'ascending' }))).toEqual([
      'apple harvest', // al-Monitor
      'Zebra crossings', // BBC News
      'Éclairs in Paris', // no site
    ]);
  });

  it('orders by passages, numbers as numbers, ties newest saved first', () => {
    const twin = source({ title: 'Twin', capturedAt: '2025-04-01T00:00:00.000Z', passageCount: 2 });
    expect(
      titles(sortSources([...all, twin], { key: 'passages', direction: 'descending' })),
    ).toEqual(['apple harvest', 'Twin', 'Zebra crossings', 'Éclairs in Paris']);
    expect(
      titles(sortSources([...all, twin], { key: 'passages', direction: 'ascending' })),
    ).toEqual(['Éclairs in Paris', 'Twin', 'Zebra crossings', 'apple harvest']);
  });

  it('sorts Persian and Arabic titles, and leaves the input as it was', () => {
    const persian = [
      source({ title: 'پژوهش' }),
      source({ title: 'آب' }),
      source({ title: 'بازار' }),
    ];
    const before = titles(persian);
    expect(titles(sortSources(persian, { key: 'title', direction: 'ascending' }))).toEqual([
      'آب',
      'بازار',
      'پژوهش',
    ]);
    expect(titles(persian)).toEqual(before);
  });
});

describe('filterSources', () => {
  const delta = source({
    title: 'Notes from the river delta',
    siteName: 'Le Monde',
    byline: 'Hélène Dupré',
    tags: ['rivers', 'Boats'],
    collectionIds: ['c1'],
  });
  const tehran = source({
    title: 'بازار تهران و اقتصاد',
    siteName: 'BBC فارسی',
    tags: ['اقتصاد'],
    collectionIds: ['c1', 'c2'],
  });
  const cairo = source({ title: 'كتاب القاهرة', siteName: 'Al-Ahram', tags: ['books'] });
  const all = [delta, tehran, cairo];

  it('finds every typed word in the title, site, author or tags, folding case and accents', () => {
    expect(filtered(all, { text: 'RIVER' })).toEqual(['Notes from the river delta']);
    expect(filtered(all, { text: 'helene' })).toEqual(['Notes from the river delta']);
    expect(filtered(all, { text: 'monde boats' })).toEqual(['Notes from the river delta']);
    expect(filtered(all, { text: 'monde books' })).toEqual([]);
    expect(filtered(all, { text: '  ' })).toHaveLength(3);
  });

  it('finds Persian and Arabic words, whichever spelling of yeh and kaf is typed', () => {
    expect(filtered(all, { text: 'تهران' })).toEqual(['بازار تهران و اقتصاد']);
    expect(filtered(all, { text: 'فارسی' })).toEqual(['بازار تهران و اقتصاد']);
    expect(filtered(all, { text: 'کتاب' })).toEqual(['كتاب القاهرة']);
  });

  it('narrows by tags (all of them, ignoring case), site and collection', () => {
    expect(filtered(all, { tags: ['boats'] })).toEqual(['Notes from the river delta']);
    expect(filtered(all, { tags: ['boats', 'rivers'] })).toEqual(['Notes from the river delta']);
    expect(filtered(all, { tags: ['boats', 'books'] })).toEqual([]);
    expect(filtered(all, { site: 'Al-Ahram' })).toEqual(['كتاب القاهرة']);
    expect(filtered(all, { collectionId: 'c2' })).toEqual(['بازار تهران و اقتصاد']);
    expect(filtered(all, { collectionId: 'c1', text: 'delta' })).toEqual([
      'Notes from the river delta',
    ]);
  });

  it('arranges: filters, then sorts', () => {
    const view = {
      sort: { key: 'title', direction: 'ascending' } as const,
      filters: { ...noFilters, collectionId: 'c1' },
    };
    expect(titles(arrangeLibrary(all, view))).toEqual([
      'Notes from the river delta',
      'بازار تهران و اقتصاد',
    ]);
  });

  it('adds a tag once, whatever its case; lists sites with their counts', () => {
    const once = withTag(withTag(noFilters, 'Boats'), 'BOATS');
    expect(once.tags).toEqual(['Boats']);
    expect(hasFilters(noFilters)).toBe(false);
    expect(hasFilters(once)).toBe(true);
    expect(siteCounts([...all, source({ siteName: 'Le Monde' })])).toEqual([
      ['Al-Ahram', 1],
      ['BBC فارسی', 1],
      ['Le Monde', 2],
    ]);
  });
});

describe('rearrangeLibrary', () => {
  const words = [
    'River',
    'river',
    'Rivière',
    'Harbour',
    'بازار',
    'تهران',
    'Ice 10',
    'Ice 9',
    'Über',
  ];
  const pick = <T>(random: Random, items: readonly T[]) =>
    items[Math.floor(random() * items.length)]!;
  // Few distinct values, so that ties (and their tie-breaks) are common.
  const randomSource = (random: Random) =>
    source({
      title: `${pick(random, words)} ${pick(random, words)}`,
      siteName: pick(random, ['Reuters', 'reuters', null, 'BBC فارسی']),
      publishedAt: pick(random, [null, '2024-05-01', '2024-06-01']),
      capturedAt: pick(random, ['2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z']),
      passageCount: Math.floor(random() * 3),
      tags: random() < 0.3 ? ['boats'] : [],
    });

  /** A summary read again (new object, some fields changed), a removal, or a new article. */
  function change(random: Random, sources: SourceSummary[]): SourceSummary[] {
    const next = [...sources];
    const at = Math.floor(random() * next.length);
    const roll = random();
    if (roll < 0.6) next[at] = { ...randomSource(random), id: next[at]!.id };
    else if (roll < 0.8) next.splice(at, 1);
    else next.splice(at, 0, randomSource(random));
    return next;
  }

  const views: LibraryView[] = sortKeys.flatMap((key) =>
    (['ascending', 'descending'] as const).flatMap((direction) => [
      { sort: { key, direction }, filters: noFilters },
      { sort: { key, direction }, filters: { ...noFilters, text: 'river', tags: ['boats'] } },
    ]),
  );

  it('places what changed where arranging anew puts it, in every order and filter', () => {
    const seed = chooseSeed();
    const random = seededRandom(seed);
    for (const view of views) {
      let sources = Array.from({ length: 400 }, () => randomSource(random));
      let arrangement: Arrangement | null = rearrangeLibrary(null, sources, view);
      for (let step = 0; step < 25; step++) {
        const changes = 1 + Math.floor(random() * 12);
        for (let i = 0; i < changes; i++) sources = change(random, sources);
        arrangement = rearrangeLibrary(arrangement, sources, view);
        expect(arrangement.shown, `seed ${seed}, ${JSON.stringify(view)}`).toEqual(
          arrangeLibrary(sources, view),
        );
      }
    }
  });

  it('arranges anew for another view or a library mostly changed', () => {
    const random = seededRandom(7);
    const sources = Array.from({ length: 50 }, () => randomSource(random));
    const byTitle = views.find((view) => view.sort.key === 'title')!;
    const first = rearrangeLibrary(null, sources, defaultLibraryView);
    expect(rearrangeLibrary(first, sources, byTitle).shown).toEqual(
      arrangeLibrary(sources, byTitle),
    );
    const replaced = sources.map((summary) => ({ ...summary, title: `New ${summary.title}` }));
    expect(rearrangeLibrary(first, replaced, defaultLibraryView).shown).toEqual(
      arrangeLibrary(replaced, defaultLibraryView),
    );
  });
});

describe('parseLibraryView', () => {
  it('reads back what was saved', () => {
    const view = {
      sort: { key: 'site', direction: 'ascending' },
      filters: { text: 'delta', tags: ['rivers'], site: 'Le Monde', collectionId: '4' },
    } as const;
    expect(parseLibraryView(JSON.stringify(view))).toEqual(view);
  });

  it('falls back to the default for what is missing or malformed', () => {
    expect(parseLibraryView(null)).toEqual(defaultLibraryView);
    expect(parseLibraryView('{not json')).toEqual(defaultLibraryView);
    expect(parseLibraryView('"a string"')).toEqual(defaultLibraryView);
    expect(
      parseLibraryView(JSON.stringify({ sort: { key: 'colour' }, filters: { tags: [1, 'x'] } })),
    ).toEqual({ sort: defaultLibraryView.sort, filters: { ...noFilters, tags: ['x'] } });
  });
});

describe('virtual window', () => {
  it('renders the rows in view and the overscan around them', () => {
    expect(visibleRows({ scrollTop: 0, height: 300 }, 60, 3000, 5)).toEqual({ start: 0, end: 10 });
    expect(visibleRows({ scrollTop: 6000, height: 300 }, 60, 3000, 5)).toEqual({
      start: 95,
      end: 110,
    });
    // A row cut by the viewport's edge counts.
    expect(visibleRows({ scrollTop: 6030, height: 300 }, 60, 3000, 0)).toEqual({
      start: 100,
      end: 106,
    });
  });

  it('stays inside the list at its ends, when it is short, and when it is hidden', () => {
    expect(visibleRows({ scrollTop: 179_700, height: 300 }, 60, 3000, 5)).toEqual({
      start: 2990,
      end: 3000,
    });
    // Scrolled past the end (the list just got shorter): the last rows, not none.
    expect(visibleRows({ scrollTop: 50_000, height: 300 }, 60, 20, 2)).toEqual({
      start: 19,
      end: 20,
    });
    expect(visibleRows({ scrollTop: 0, height: 900 }, 60, 4, 5)).toEqual({ start: 0, end: 4 });
    expect(visibleRows({ scrollTop: 0, height: 0 }, 60, 3000, 5)).toEqual({ start: 0, end: 5 });
    expect(visibleRows({ scrollTop: 0, height: 300 }, 60, 0, 5)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls as little as needed to show a row whole', () => {
    const viewport = { scrollTop: 600, height: 300 };
    expect(scrollTopToReveal(12, 60, viewport)).toBe(600); // already in view
    expect(scrollTopToReveal(5, 60, viewport)).toBe(300); // above: to the top
    expect(scrollTopToReveal(20, 60, viewport)).toBe(960); // below: to the bottom
    expect(scrollTopToReveal(14, 60, viewport)).toBe(600); // 840–900 just fits
    expect(scrollTopToReveal(15, 60, viewport)).toBe(660);
    expect(scrollTopToReveal(0, 60, { scrollTop: 0, height: 30 })).toBe(0);
  });
});
