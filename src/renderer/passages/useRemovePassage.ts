import { useCallback } from 'react';
import type { PassageView } from '../../shared/api';
import { api } from '../api/client';
import { spanOf } from '../reader/textRanges';
import { useAction } from '../ui/useAction';
import { useToast } from '../ui/toastContext';

/**
 * Removes a passage, offering Undo: marking the same span again (the passage
 * comes back with a new id). An orphan's removal offers none.
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
      // An orphan has no place in the current text to mark again.
      const span = spanOf(passage);
      const markAgain = span
        ? () =>
            void run('Could not mark the passage again', () =>
              api.markPassage({ sourceId: passage.sourceId, ...span }),
            )
        : undefined;
      toast({ kind: 'info', message: 'Passage removed', undo: markAgain });
    },
    [run, toast],
  );
}
