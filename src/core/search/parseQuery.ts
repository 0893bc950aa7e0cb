/**
 * The search box's query language:
 *
 *   words            every word must occur (in any order)
 *   "a phrase"       the words in this order, side by side
 *   prefix*          any word starting with `prefix` (also `"a phr"*`)
 *   -word, -"a b"    leave out what contains it
 *   a OR b           either (binds the terms on each side of it)
 *   tag:name  type:source|passage|note  site:example.com  lang:en
 *   before:2024-03  after:2024   (a year, month or day; each may be negated: -tag:x)
 *   version:all      also search the older versions of sources (version:current,
 *                    the default, searches current versions only)
 *
 * The parser is lenient with what a search box receives: an unclosed quote runs to
 * the end, an OR with nothing to join is ignored, and `word:thing` with an unknown
 * key is plain text. Only a filter it cannot apply is an error.
 */
import type { SearchHitKind } from '../../shared/api';
import { DossierError } from '../../shared/errors';

/** A word or phrase as the user typed it (folded later, with the text it is matched against). */
export interface QueryTerm {
  text: string;
  prefix: boolean;
}

export type QueryFilter =
  | { key: 'type'; kind: SearchHitKind; negated: boolean }
  | { key: 'tag' | 'site' | 'lang'; value: string; negated: boolean }
  /** `date`: YYYY, YYYY-MM or YYYY-MM-DD. */
  | { key: 'before' | 'after'; date: string; negated: boolean }
  /** Which versions of a source are searched: the current one (the default) or all. */
  | { key: 'version'; versions: 'current' | 'all'; negated: false };

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its terms does. */
  required: QueryTerm[][];
  /** Terms none of which may match. */
  excluded: QueryTerm[];
  filters: QueryFilter[];
}

type Item =
  | { type: 'term'; term: QueryTerm; negated: boolean }
  | { type: 'filter'; filter: QueryFilter }
  | { type: 'or' };

/** Whether the query asks for sources' older versions too (`version:all`; the last one counts). */
export function searchesAllVersions(filters: readonly QueryFilter[]): boolean {
  const versionFilters = filters.filter(
    (filter): filter is Extract<QueryFilter, { key: 'version' }> => filter.key === 'version',
  );
  return versionFilters[versionFilters.length - 1]?.versions === 'all';
}

export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { required: [], excluded: [], filters: [] };
  let previous: Item | undefined;
  let joinNext = false;
  for (const item of scan(query)) {
    if (item.type === 'filter') parsed.filters.push(item.filter);
    else if (item.type === 'term' && item.negated) parsed.excluded.push(item.term);
    else if (item.type === 'term') {
      const group = joinNext ? parsed.required[parsed.required.length - 1] : undefined;
      if (group) group.push(item.term);
      else parsed.required.push([item.term]);
    }
    joinNext = item.type === 'or' && isPositiveTerm(previous);
    previous = item;
  }
  return parsed;
}

function isPositiveTerm(item: Item | undefined): boolean {
  return item?.type === 'term' && !item.negated;
}

const filterKeys = new Set(['tag', 'type', 'site', 'lang', 'before', 'after', 'version']);

function* scan(query: string): Generator<Item> {
  let i = 0;
  while (i < query.length) {
    if (/\s/.test(query.charAt(i))) {
      i++;
      continue;
    }
    const negated = query.charAt(i) === '-' && /\S/.test(query.charAt(i + 1));
    if (negated) i++;
    if (query.charAt(i) === '"') {
      const phrase = readQuoted(query, i);
      i = phrase.end;
      const prefix = query.charAt(i) === '*';
      if (prefix) i++;
      yield { type: 'term', term: { text: phrase.text, prefix }, negated };
      continue;
    }
    const filter = /^([a-z]+):(?=\S)/i.exec(query.slice(i));
    const key = filter?.[1]?.toLowerCase();
    if (filter && key && filterKeys.has(key)) {
      const valueStart = i + filter[0].length;
      const value =
        query.charAt(valueStart) === '"'
          ? readQuoted(query, valueStart)
          : readBare(query, valueStart);
      i = value.end;
      yield { type: 'filter', filter: toFilter(key, value.text.trim(), negated) };
      continue;
    }
    const word = readBare(query, i);
    i = word.end;
    if (word.text === 'OR' && !negated) yield { type: 'or' };
    else {
      const text = word.text.replace(/\*+$/, '');
      yield { type: 'term', term: { text, prefix: text !== word.text }, negated };
    }
  }
}

/** The text between the quote at `start` and the next one (or the end of the query). */
function readQuoted(query: string, start: number): { text: string; end: number } {
  const close = query.indexOf('"', start + 1);
  return close < 0
    ? { text: query.slice(start + 1), end: query.length }
    : { text: query.slice(start + 1, close), end: close + 1 };
}

function readBare(query: string, start: number): { text: string; end: number } {
  const match = /\S*/y;
  match.lastIndex = start;
  match.exec(query);
  return { text: query.slice(start, match.lastIndex), end: match.lastIndex };
}

const kindNames: Record<string, SearchHitKind> = {
  source: 'source',
  sources: 'source',
  passage: 'passage',
  passages: 'passage',
  note: 'note',
  notes: 'note',
};

function toFilter(key: string, value: string, negated: boolean): QueryFilter {
  switch (key) {
    case 'type': {
      const kind = kindNames[value.toLowerCase()];
      if (!kind) {
        throw new DossierError(
          'invalid_argument',
          `"type:${value}" is not a type of result: use type:source, type:passage or type:note.`,
        );
      }
      return { key, kind, negated };
    }
    case 'before':
    case 'after':
      if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
        throw new DossierError(
          'invalid_argument',
          `"${key}:${value}" is not a date: write a year, month or day, like 2024, 2024-03 or 2024-03-26.`,
        );
      }
      return { key, date: value, negated };
    case 'version': {
      const versions = value.toLowerCase();
      if (negated || (versions !== 'all' && versions !== 'current')) {
        throw new DossierError(
          'invalid_argument',
          `"${negated ? '-' : ''}version:${value}" is not a choice of versions: use version:all to ` +
            'also search older versions of sources, or version:current (the default).',
        );
      }
      return { key, versions, negated: false };
    }
    default:
      return { key: key as 'tag' | 'site' | 'lang', value, negated };
  }
}
