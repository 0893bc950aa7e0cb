import { useCallback, useRef, useState } from 'react';
import { useAction } from '../ui/useAction';

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
  const run = useAction();
  const [tags, setTags] = useState(initialTags);
  const queue = useRef(Promise.resolve());
  const lastSaved = useRef(initialTags);
  const latestEdit = useRef(0);

  const commit = useCallback(
    (next: string[]) => {
      setTags(next);
      const edit = ++latestEdit.current;
      queue.current = queue.current.then(async () => {
        const saved = await run('Could not save the tags', () => save(next));
        if (saved) lastSaved.current = saved;
        // An older answer must not hide a newer edit still being saved.
        if (edit === latestEdit.current) setTags(lastSaved.current);
      });
    },
    [save, run],
  );

  return { tags, commit };
}
