import { useCallback } from 'react';
import type { PassageView } from '../../shared/api';
import { api } from '../api/client';
import { useAction } from '../ui/useAction';
import { useToast } from '../ui/toastContext';

/**
 * Removes a passage, offering Undo: marking the same span again (the passage
 * comes back with a new id).
 */
export function useRemovePassage(): (passage: PassageView) => Promise<void> {
  const toast = useToast();
  const run = useAction();

  return useCallback(
    async (passage: PassageView) => {
      // The core refuses while notes link to the passage (it says how many): nothing changed.
      const removed = await run('Could not remove the passage', () =>
        api.deletePassage({ passageId: passage.id }),
      );
      if (!removed) return;
      const { sourceId, start, end } = passage;
      const markAgain = () =>
        void run('Could not mark the passage again', () =>
          api.markPassage({ sourceId, start, end }),
        );
      // An orphaned passage's offsets no longer point at its text, so marking them would be wrong.
      const undo = passage.status === 'orphaned' ? undefined : markAgain;
      toast({ kind: 'info', message: 'Passage removed', undo });
    },
    [run, toast],
  );
}
