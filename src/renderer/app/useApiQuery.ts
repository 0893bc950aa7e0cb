import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../shared/errors';
import { latestLoader, type LatestLoader } from './latestLoader';

export interface QueryState<T> {
  /** The latest value loaded, possibly for an earlier key while the current one loads. */
  data: T | undefined;
  error: string | undefined;
  /** True once the value (or error) for the current key has arrived. */
  settled: boolean;
}

interface Loaded<T> {
  key: string;
  data?: T;
  error?: string;
}

/**
 * Loads `load()` whenever `key` changes (null: load nothing). The previous
 * value stays visible until the next one arrives, so a refresh never flickers.
 * One load runs at a time: keys that come and go while it runs are skipped
 * for the latest (see latestLoader).
 */
export function useApiQuery<T>(key: string | null, load: () => Promise<T>): QueryState<T> {
  const [loaded, setLoaded] = useState<Loaded<T> | undefined>();
  // Once nothing is wanted, forget the old value: when its key comes back (a note closed and
  // reopened), the value may have changed meanwhile and must be loaded again, not shown.
  if (key === null && loaded !== undefined) setLoaded(undefined);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  const loader = useRef<LatestLoader>(null);
  loader.current ??= latestLoader<T>(
    () => loadRef.current(),
    (outcome) =>
      setLoaded((previous) =>
        'data' in outcome
          ? { key: outcome.key, data: outcome.data }
          : { key: outcome.key, data: previous?.data, error: errorMessage(outcome.error) },
      ),
  );

  useEffect(() => {
    const current = loader.current;
    current?.want(key);
    // Gone from the screen (or the key forgotten): what runs may finish, nothing follows it.
    return () => current?.want(null);
  }, [key]);

  const settled = key !== null && loaded?.key === key;
  return {
    data: key === null ? undefined : loaded?.data,
    error: settled ? loaded?.error : undefined,
    settled,
  };
}
