import { useCallback } from 'react';
import type { CollectionSummary } from '../../shared/api';
import { api } from '../api/client';
import { isolate } from '../ui/bidi';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';
import type { DraggedItem } from './itemDrag';

type Change = 'add' | 'remove';

/**
 * Puts an article or a note in a collection, or takes it out, saying so with an
 * Undo. Callers offer to add only what is not in the collection (and to remove only
 * what is), so undoing is always the opposite change.
 */
export function useCollectionMembership() {
  const run = useAction();
  const toast = useToast();

  const apply = useCallback(
    async (change: Change, collection: CollectionSummary, { kind, id }: DraggedItem) => {
      const name = isolate(collection.name);
      const args = {
        collectionId: collection.id,
        ...(kind === 'source' ? { sourceIds: [id] } : { noteIds: [id] }),
      };
      const done = await run(
        change === 'add' ? `Could not add to ${name}` : `Could not remove from ${name}`,
        () => (change === 'add' ? api.addToCollection(args) : api.removeFromCollection(args)),
      );
      return done !== undefined;
    },
    [run],
  );

  const announce = useCallback(
    async (change: Change, collection: CollectionSummary, item: DraggedItem) => {
      if (!(await apply(change, collection, item))) return;
      const name = isolate(collection.name);
      toast({
        kind: 'success',
        message: change === 'add' ? `Added to ${name}.` : `Removed from ${name}.`,
        undo: () => void apply(change === 'add' ? 'remove' : 'add', collection, item),
      });
    },
    [apply, toast],
  );

  const add = useCallback(
    (collection: CollectionSummary, item: DraggedItem) => announce('add', collection, item),
    [announce],
  );
  const remove = useCallback(
    (collection: CollectionSummary, item: DraggedItem) => announce('remove', collection, item),
    [announce],
  );
  return { add, remove };
}
