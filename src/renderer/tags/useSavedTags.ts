import { useCallback, useRef, useState } from 'react';
import { useAction } from '../ui/useAction';
import { recordLibraryAction } from '../undo/libraryUndo';

export interface SavedTags {
  /** What the editor shows: the latest edit, before its save has answered. */
  tags: string[];
  /** Shows `next` at once and saves it after any save still on its way. */
  commit: (next: string[]) => void;
}

/**
 * An item's tags while they are edited. Saves run one after another, so the last
 * edit is the one stored; when a save fails, the editor goes back to the last
 * list the core accepted. Each saved change can be undone from the library's
 * history (Ctrl+Z outside the editors). Mount one per item (key by its id).
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

  /** Queues the save of `next`; resolves with the list saved before it, once it is saved (undefined if it failed). */
  const queueSave = useCallback(
    (next: string[]): Promise<string[] | undefined> => {
      setTags(next);
      const edit = ++latestEdit.current;
      const saving = queue.current.then(async () => {
        const before = lastSaved.current;
        const saved = await run('Could not save the tags', () => save(next));
        if (saved) lastSaved.current = saved;
        // An older answer must not hide a newer edit still being saved.
        if (edit === latestEdit.current) setTags(lastSaved.current);
        return saved && before;
      });
      queue.current = saving.then(() => undefined);
      return saving;
    },
    [save, run],
  );
  const commit = useCallback(
    (next: string[]) => {
      void queueSave(next).then((before) => {
        if (before)
          recordLibraryAction({ label: 'Tags changed', undo: () => void queueSave(before) });
      });
    },
    [queueSave],
  );

  return { tags, commit };
}
