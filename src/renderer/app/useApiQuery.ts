import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../shared/errors';

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

  useEffect(() => {
    if (key === null) return;
    let current = true;
    loadRef.current().then(
      (data) => current && setLoaded({ key, data }),
      (error: unknown) =>
        current &&
        setLoaded((previous) => ({ key, data: previous?.data, error: errorMessage(error) })),
    );
    return () => {
      current = false;
    };
  }, [key]);

  const settled = key !== null && loaded?.key === key;
  return {
    data: key === null ? undefined : loaded?.data,
    error: settled ? loaded?.error : undefined,
    settled,
  };
}
