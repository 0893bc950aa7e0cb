import { useCallback } from 'react';
import { errorMessage } from '../../shared/errors';
import { useToast } from './toastContext';

/**
 * The one place that runs a call on the user's behalf and reports its failure:
 * `run('Could not mark the passage', () => api.markPassage(…))` resolves with
 * the value, or with undefined after an error toast.
 */
export function useAction(): <T>(
  failure: string,
  call: () => Promise<T>,
) => Promise<T | undefined> {
  const toast = useToast();
  return useCallback(
    async <T>(failure: string, call: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await call();
      } catch (error) {
        toast({ kind: 'error', message: `${failure}: ${errorMessage(error)}` });
        return undefined;
      }
    },
    [toast],
  );
}
