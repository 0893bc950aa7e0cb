import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api/apiError';
import { useToast } from '../ui/toastContext';

export interface SavedTags {
  /** What the editor shows: the latest edit, before its save has answered. */
  tags: string[];
  /** Shows `next` at once and saves it after any save still on its way. */
  commit: (next: string[]) => void;
}

/**
 * An item's tags while they are edited. Saves run one after another, so the last
 * edit is the one stored; when a save fails, the editor goes back to the last
 * list the core accepted. Mount one per item (key by its id).
 */
export function useSavedTags(
  initialTags: string[],
  save: (tags: string[]) => Promise<string[]>,
): SavedTags {
  const toast = useToast();
  const [tags, setTags] = useState(initialTags);
  const queue = useRef(Promise.resolve());
  const lastSaved = useRef(initialTags);
  const latestEdit = useRef(0);

  const commit = useCallback(
    (next: string[]) => {
      setTags(next);
      const edit = ++latestEdit.current;
      queue.current = queue.current.then(async () => {
        try {
          lastSaved.current = await save(next);
          // An older answer must not hide a newer edit still being saved.
          if (edit === latestEdit.current) setTags(lastSaved.current);
        } catch (error) {
          if (edit === latestEdit.current) setTags(lastSaved.current);
          toast({ kind: 'error', message: `Could not save the tags: ${errorMessage(error)}` });
        }
      });
    },
    [save, toast],
  );

  return { tags, commit };
}
