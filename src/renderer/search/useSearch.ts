import { useEffect, useState } from 'react';
import type { SearchHit } from '../../shared/api';
import { topics } from '../../shared/apiMethods';
import { SEARCH_PANEL_REQUEST } from '../../shared/searchPanel';
import { api } from '../api/client';
import { errorMessage } from '../../shared/errors';
import { useTopicsVersion } from '../app/liveTopics';

const debounceMs = 200;

export interface SearchState {
  /** The query these results answer. */
  query: string;
  hits: SearchHit[];
  error?: string;
}

/**
 * Searches everything once typing pauses, and again when anything changes;
 * only the answer to the latest query is kept.
 */
export function useSearch(query: string): SearchState | undefined {
  const [result, setResult] = useState<SearchState>();
  const version = useTopicsVersion(topics);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') return;
    let current = true;
    const timer = setTimeout(() => {
      api.search({ query: trimmed, ...SEARCH_PANEL_REQUEST }).then(
        (hits) => current && setResult({ query: trimmed, hits }),
        (error: unknown) =>
          current && setResult({ query: trimmed, hits: [], error: errorMessage(error) }),
      );
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed, version]);

  return trimmed === '' ? undefined : result;
}
