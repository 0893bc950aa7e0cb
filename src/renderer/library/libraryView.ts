/** Which articles the library shows and in what order: pure, so it is tested without a window. */
import type { SourceSummary } from '../../shared/api';
import { localeFold } from './localeFold';

export const sortKeys = ['saved', 'published', 'title', 'site', 'passages'] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDirection = 'ascending' | 'descending';

export interface LibrarySort {
  key: SortKey;
  direction: SortDirection;
}

export interface LibraryFilters {
  /** Words typed in the filter box; every one must be found in the title, site, author or tags. */
  text: string;
  /** Tags the article must all carry. */
  tags: string[];
  site: string | null;
  collectionId: string | null;
}

export interface LibraryView {
  sort: LibrarySort;
  filters: LibraryFilters;
}

/** Dates and counts read best biggest first, names from A. */
export const naturalDirection: Record<SortKey, SortDirection> = {
  saved: 'descending',
  published: 'descending',
  title: 'ascending',
  site: 'ascending',
  passages: 'descending',
};

export const noFilters: LibraryFilters = { text: '', tags: [], site: null, collectionId: null };
export const defaultLibraryView: LibraryView = {
  sort: { key: 'saved', direction: 'descending' },
  filters: noFilters,
};

/** Whether `view` shows the library in the order the core lists it: newest saved first, unfiltered. */
export function isListedOrder({ sort, filters }: LibraryView): boolean {
  const listed = defaultLibraryView.sort;
  return sort.key === listed.key && sort.direction === listed.direction && !hasFilters(filters);
}

export function hasFilters({ text, tags, site, collectionId }: LibraryFilters): boolean {
  return text.trim() !== '' || tags.length > 0 || site !== null || collectionId !== null;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** What a sort key compares; null (an unknown date or site) sorts last either way. */
function sortValue(source: SourceSummary, key: SortKey): string | number | null {
  switch (key) {
    case 'saved':
      return source.capturedAt;
    case 'published':
      return source.publishedAt;
    case 'title':
      return source.title;
    case 'site':
      return source.siteName;
    case 'passages':
      return source.passageCount;
  }
}

function compareValues(a: string | number, b: string | number, key: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // ISO dates order as strings; names as the reader's language orders them.
  if (key === 'saved' || key === 'published') return a < b ? -1 : a > b ? 1 : 0;
  return collator.compare(String(a), String(b));
}

/** The order `sortSources` sorts in: total, since ties end on the newest saved, then the id. */
function sourceOrder(sort: LibrarySort): (a: SourceSummary, b: SourceSummary) => number {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const newestFirst = (a: SourceSummary, b: SourceSummary) =>
    compareValues(b.capturedAt, a.capturedAt, 'saved') || collator.compare(b.id, a.id);
  return (a, b) => {
    const valueA = sortValue(a, sort.key);
    const valueB = sortValue(b, sort.key);
    if (valueA === null || valueB === null) {
      return (valueA === null ? 1 : 0) - (valueB === null ? 1 : 0) || newestFirst(a, b);
    }
    return sign * compareValues(valueA, valueB, sort.key) || newestFirst(a, b);
  };
}

/** `sources` in `sort`'s order; ties (and unknown values, last) newest saved first. */
export function sortSources(sources: readonly SourceSummary[], sort: LibrarySort): SourceSummary[] {
  return [...sources].sort(sourceOrder(sort));
}

// Folding every article's fields on each keystroke would be most of the filter's work.
const foldedFields = new WeakMap<SourceSummary, string>();

function searchableText(source: SourceSummary): string {
  let folded = foldedFields.get(source);
  if (folded === undefined) {
    const fields = [source.title, source.siteName, source.byline, ...source.tags];
    folded = localeFold(fields.filter(Boolean).join('\n'));
    foldedFields.set(source, folded);
  }
  return folded;
}

/**
 * Folds the filter's text of `sources` from index `start` on while `hasTime()`
 * says so, and returns where it stopped: done while the window is idle, the
 * first word typed in a large library's filter box finds them folded.
 */
export function foldFilterTextsFrom(
  sources: readonly SourceSummary[],
  start: number,
  hasTime: () => boolean,
): number {
  let index = start;
  while (index < sources.length && hasTime()) searchableText(sources[index++]!);
  return index;
}

/** The filter box's words, folded; empty when it holds only spaces. */
export function filterWords(text: string): string[] {
  return localeFold(text).split(/\s+/u).filter(Boolean);
}

/** The sources every filter lets through. */
export function filterSources(
  sources: readonly SourceSummary[],
  filters: LibraryFilters,
): SourceSummary[] {
  const words = filterWords(filters.text);
  const tags = filters.tags.map(localeFold);
  return sources.filter((source) => {
    if (filters.collectionId !== null && !source.collectionIds.includes(filters.collectionId)) {
      return false;
    }
    if (filters.site !== null && source.siteName !== filters.site) return false;
    if (tags.length > 0) {
      const carried = source.tags.map(localeFold);
      if (!tags.every((tag) => carried.includes(tag))) return false;
    }
    if (words.length > 0) {
      const text = searchableText(source);
      if (!words.every((word) => text.includes(word))) return false;
    }
    return true;
  });
}

/** The library as shown: filtered, then sorted. */
export function arrangeLibrary(sources: readonly SourceSummary[], view: LibraryView) {
  return sortSources(filterSources(sources, view.filters), view.sort);
}

/** The library as shown, with what it was arranged from. */
export interface Arrangement {
  sources: readonly SourceSummary[];
  view: LibraryView;
  shown: SourceSummary[];
}

/**
 * `arrangeLibrary`, from the last arrangement when the view is the same and few
 * articles changed (a summary read again after a tag or an edit, a small
 * import): the changed ones leave the list and are placed again by binary
 * search, where sorting 100,000 titles anew takes half a second. The order is
 * total, so the list is the one `arrangeLibrary` makes.
 */
export function rearrangeLibrary(
  previous: Arrangement | null,
  sources: readonly SourceSummary[],
  view: LibraryView,
): Arrangement {
  const placed = previous?.view === view ? placeChanges(previous, sources) : null;
  return { sources, view, shown: placed ?? arrangeLibrary(sources, view) };
}

/** Beyond this share of the library changed, sorting it whole is as quick. */
const PLACED_SHARE = 1 / 16;

function placeChanges(
  previous: Arrangement,
  sources: readonly SourceSummary[],
): SourceSummary[] | null {
  const changes = changesSince(previous.sources, sources);
  if (changes.added.length > Math.max(16, sources.length * PLACED_SHARE)) return null;
  const kept = previous.shown.filter((source) => !changes.removed.has(source));
  const order = sourceOrder(previous.view.sort);
  const arranged: SourceSummary[] = [];
  let from = 0;
  for (const source of arrangeLibrary(changes.added, previous.view)) {
    const at = insertionPoint(kept, source, order, from);
    for (let i = from; i < at; i++) arranged.push(kept[i]!);
    arranged.push(source);
    from = at;
  }
  for (let i = from; i < kept.length; i++) arranged.push(kept[i]!);
  return arranged;
}

/**
 * The summaries in `after` and not in `before`, and those gone. A list of the
 * same length is compared place by place (summaries read again replace theirs
 * where they stand), which is far quicker than sets of 100,000.
 */
function changesSince(
  before: readonly SourceSummary[],
  after: readonly SourceSummary[],
): { added: SourceSummary[]; removed: Set<SourceSummary> } {
  if (before.length === after.length) {
    const added: SourceSummary[] = [];
    const removed = new Set<SourceSummary>();
    before.forEach((source, i) => {
      if (source === after[i]) return;
      added.push(after[i]!);
      removed.add(source);
    });
    // A summary that only moved is both: it leaves the list and is placed again.
    return { added, removed };
  }
  const [had, has] = [new Set(before), new Set(after)];
  return {
    added: after.filter((source) => !had.has(source)),
    removed: new Set(before.filter((source) => !has.has(source))),
  };
}

/** Where `item` goes in `sorted` (from `from` on): after every element `order` puts before it. */
function insertionPoint<T>(
  sorted: readonly T[],
  item: T,
  order: (a: T, b: T) => number,
  from: number,
): number {
  let [low, high] = [from, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(sorted[middle]!, item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Every site the library's articles come from, with how many, in the reader's alphabetical order. */
export function siteCounts(
  sources: readonly SourceSummary[],
): Array<[site: string, count: number]> {
  const counts = new Map<string, number>();
  for (const { siteName } of sources) {
    if (siteName) counts.set(siteName, (counts.get(siteName) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => collator.compare(a, b));
}

/** A tag added to the filters, unless one equal to it (ignoring case and accents) is there. */
export function withTag(filters: LibraryFilters, tag: string): LibraryFilters {
  const folded = localeFold(tag);
  if (filters.tags.some((present) => localeFold(present) === folded)) return filters;
  return { ...filters, tags: [...filters.tags, tag] };
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** A view saved earlier (JSON), or the default for what is missing or malformed in it. */
export function parseLibraryView(saved: string | null): LibraryView {
  let value: unknown;
  try {
    value = JSON.parse(saved ?? 'null');
  } catch {
    return defaultLibraryView;
  }
  if (typeof value !== 'object' || value === null) return defaultLibraryView;
  const { sort, filters } = value as Partial<Record<keyof LibraryView, Record<string, unknown>>>;
  const key = sortKeys.find((candidate) => candidate === sort?.key);
  const direction = sort?.direction === 'ascending' ? 'ascending' : 'descending';
  return {
    sort: key ? { key, direction } : defaultLibraryView.sort,
    filters: {
      text: isString(filters?.text) ? filters.text : '',
      tags: Array.isArray(filters?.tags) ? filters.tags.filter(isString) : [],
      site: isString(filters?.site) ? filters.site : null,
      collectionId: isString(filters?.collectionId) ? filters.collectionId : null,
    },
  };
}
