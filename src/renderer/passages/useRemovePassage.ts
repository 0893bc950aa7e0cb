import { useCallback } from 'react';
import type { PassageView } from '../../shared/api';
import { api } from '../api/client';
import { errorMessage } from '../api/apiError';
import { useToast } from '../ui/toastContext';

/**
 * Removes a passage, offering Undo: marking the same span again (the passage
 * comes back with a new id). `onChanged` reloads what shows passages.
 */
export function useRemovePassage(onChanged: () => void): (passage: PassageView) => Promise<void> {
  const toast = useToast();

  const markAgain = useCallback(
    async ({ sourceId, start, end }: PassageView) => {
      try {
        await api.markPassage({ sourceId, start, end });
        onChanged();
      } catch (error) {
        toast({
          kind: 'error',
          message: `Could not mark the passage again: ${errorMessage(error)}`,
        });
      }
    },
    [onChanged, toast],
  );

  return useCallback(
    async (passage: PassageView) => {
      try {
        await api.deletePassage({ passageId: passage.id });
      } catch (error) {
        // The core refuses while notes link to the passage (it says how many): nothing changed.
        toast({ kind: 'error', message: `Could not remove the passage: ${errorMessage(error)}` });
        return;
      }
      onChanged();
      // An orphaned passage's offsets no longer point at its text, so marking them would be wrong.
      const undo = passage.status === 'orphaned' ? undefined : () => void markAgain(passage);
      toast({ kind: 'info', message: 'Passage removed', undo });
    },
    [onChanged, markAgain, toast],
  );
}
