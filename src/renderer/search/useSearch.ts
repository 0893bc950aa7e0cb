import { useCallback, useEffect, useState } from 'react';
import type { SearchHit } from '../../shared/api';
import { topics } from '../../shared/apiMethods';
import { MOST_SEARCH_RESULTS, SEARCH_PANEL_REQUEST } from '../../shared/searchPanel';
import { api } from '../api/client';
import { errorMessage } from '../../shared/errors';
import { useTopicsVersion } from '../app/liveTopics';

const debounceMs = 200;

export interface SearchState {
  /** The query these results answer. */
  query: string;
  /** How many results were asked for: as many came back when there may be more. */
  limit: number;
  hits: SearchHit[];
  error?: string;
}

export interface Search {
  result: SearchState | undefined;
  /** Asks for twice as many results of the same query; null when no more can be had. */
  showMore: (() => void) | null;
  /** More results of the shown query were asked for and have not come yet. */
  findingMore: boolean;
}

/**
 * Searches everything once typing pauses, and again when anything changes;
 * only the answer to the latest query is kept. A new query starts again with
 * the search panel's first results (SEARCH_PANEL_REQUEST).
 */
export function useSearch(query: string): Search {
  const [result, setResult] = useState<SearchState>();
  const [more, setMore] = useState<{ query: string; limit: number }>();
  const version = useTopicsVersion(topics);
  const trimmed = query.trim();
  const limit = more?.query === trimmed ? more.limit : SEARCH_PANEL_REQUEST.limit;

  useEffect(() => {
    if (trimmed === '') return;
    let current = true;
    const timer = setTimeout(() => {
      api.search({ query: trimmed, ...SEARCH_PANEL_REQUEST, limit }).then(
        (hits) => current && setResult({ query: trimmed, limit, hits }),
        (error: unknown) =>
          current && setResult({ query: trimmed, limit, hits: [], error: errorMessage(error) }),
      );
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed, limit, version]);

  const shown = trimmed === '' ? undefined : result;
  const ofThisQuery = shown !== undefined && shown.query === trimmed && !shown.error;
  const mayHaveMore =
    ofThisQuery &&
    shown.limit === limit &&
    shown.hits.length >= limit &&
    limit < MOST_SEARCH_RESULTS;
  const showMore = useCallback(
    () => setMore({ query: trimmed, limit: Math.min(MOST_SEARCH_RESULTS, limit * 2) }),
    [trimmed, limit],
  );
  return {
    result: shown,
    showMore: mayHaveMore ? showMore : null,
    findingMore: ofThisQuery && shown.limit < limit,
  };
}
