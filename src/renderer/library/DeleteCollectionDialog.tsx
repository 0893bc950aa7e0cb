import { useState } from 'react';
import type { CollectionSummary } from '../../shared/api';
import { plural } from '../../shared/text';
import { api } from '../api/client';
import { isolate } from '../ui/bidi';
import { FormDialog } from '../ui/FormDialog';
import { useAction } from '../ui/useAction';

interface DeleteCollectionDialogProps {
  collection: CollectionSummary;
  onClose: () => void;
}

/** Asks before deleting a collection, saying that what is in it stays in the library. */
export function DeleteCollectionDialog({ collection, onClose }: DeleteCollectionDialogProps) {
  const run = useAction();
  const [busy, setBusy] = useState(false);
  const { sourceCount, noteCount } = collection;

  const remove = async () => {
    setBusy(true);
    const deleted = await run('Could not delete the collection', () =>
      api.deleteCollection({ collectionId: collection.id }),
    );
    setBusy(false);
    if (deleted) onClose();
  };

  return (
    <FormDialog
      heading={`Delete the collection ${isolate(collection.name)}?`}
      onClose={onClose}
      testId="delete-collection-dialog"
      onSubmit={() => void remove()}
      submitLabel="Delete collection"
      submitDisabled={busy}
      submitTestId="delete-collection-confirm"
    >
      <p className="dialog-explanation">
        {sourceCount + noteCount === 0
          ? 'It is empty.'
          : `Its ${plural(sourceCount, 'article')} and ${plural(noteCount, 'note')} stay in the library and the notes; only the collection goes.`}
      </p>
    </FormDialog>
  );
}
