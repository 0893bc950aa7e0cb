import { useCallback } from 'react';
import type { TrashItem } from '../../shared/api';
import { api } from '../api/client';
import { isolate } from '../ui/bidi';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';

type Kind = TrashItem['kind'];

const nouns: Record<Kind, string> = { source: 'article', note: 'note' };

function moveToTrash(kind: Kind, id: string) {
  return kind === 'source' ? api.deleteSource({ sourceId: id }) : api.deleteNote({ noteId: id });
}

function restore(kind: Kind, id: string) {
  return kind === 'source' ? api.restoreSource({ sourceId: id }) : api.restoreNote({ noteId: id });
}

export interface TrashActions {
  /** Moves an item to the trash and offers Undo (a failure is reported in a toast). */
  moveToTrash(kind: Kind, id: string, title: string): Promise<void>;
  restore(kind: Kind, id: string, title: string): Promise<void>;
}

/** Moving sources and notes to the trash and back, with the toasts that say so. */
export function useTrashActions(): TrashActions {
  const run = useAction();
  const toast = useToast();

  const restoreItem = useCallback(
    async (kind: Kind, id: string, title: string) => {
      const restored = await run(`Could not restore the ${nouns[kind]}`, () => restore(kind, id));
      if (restored) toast({ kind: 'success', message: `Restored ${isolate(title)}` });
    },
    [run, toast],
  );

  const moveItem = useCallback(
    async (kind: Kind, id: string, title: string) => {
      const moved = await run(`Could not move the ${nouns[kind]} to the trash`, () =>
        moveToTrash(kind, id),
      );
      if (!moved) return;
      toast({
        kind: 'info',
        message: `Moved ${isolate(title)} to the trash`,
        undo: () => void restoreItem(kind, id, title),
      });
    },
    [restoreItem, run, toast],
  );

  return { moveToTrash: moveItem, restore: restoreItem };
}
