import { useCallback, useState } from 'react';

/** A counter to put in query keys: bumping it reloads what depends on it. */
export function useRevision(): [revision: number, bump: () => void] {
  const [revision, setRevision] = useState(0);
  const bump = useCallback(() => setRevision((current) => current + 1), []);
  return [revision, bump];
}
