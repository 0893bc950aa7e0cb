import { useMemo } from 'react';
import { api } from '../api/client';
import { useLiveQuery } from '../app/useLiveQuery';
import { spanOf, type TextSpan } from '../reader/textRanges';

/**
 * Where passages stand in one version's text: on the current version, every
 * passage that has a place there; on an older one, the passages marked on it.
 */
export function usePassagesOnVersion(sourceId: string, versionNumber: number): TextSpan[] {
  const version = useLiveQuery(
    ['passages'],
    `passages-on-version:${sourceId}:${versionNumber}`,
    () => api.getSource({ sourceId, versionNumber }),
  );
  const loaded = version.data?.versionNumber === versionNumber ? version.data : undefined;
  return useMemo(
    () => (loaded?.passages ?? []).map(spanOf).filter((span) => span !== null),
    [loaded],
  );
}
