import type { Topic } from '../../shared/apiMethods';
import { useTopicsVersion } from './liveTopics';
import { useApiQuery, type QueryState } from './useApiQuery';

/**
 * `useApiQuery` that also re-runs when a topic it reads changes, wherever the
 * change was made (this window, another window, the CLI). The previous value
 * stays on screen while the new one loads.
 */
export function useLiveQuery<T>(
  dependsOn: readonly Topic[],
  key: string | null,
  load: () => Promise<T>,
): QueryState<T> {
  const version = useTopicsVersion(dependsOn);
  return useApiQuery(key === null ? null : `${key}@${version}`, load);
}
