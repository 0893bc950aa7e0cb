import { useId, useState } from 'react';
import type { CollectionSummary } from '../../shared/api';
import { plural } from '../../shared/text';
import { api } from '../api/client';
import { isolate } from '../ui/bidi';
import { DialogButtons } from '../ui/DialogButtons';
import { useAction } from '../ui/useAction';
import { useModalDialog } from '../ui/useModalDialog';

interface DeleteCollectionDialogProps {
  collection: CollectionSummary;
  onClose: () => void;
}

/** Asks before deleting a collection, saying that what is in it stays in the library. */
export function DeleteCollectionDialog({ collection, onClose }: DeleteCollectionDialogProps) {
  const headingId = useId();
  const dialogRef = useModalDialog();
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
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={headingId}
      data-testid="delete-collection-dialog"
      onClose={onClose}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void remove();
        }}
      >
        <h2 id={headingId}>Delete the collection {isolate(collection.name)}?</h2>
        <p className="dialog-explanation">
          {sourceCount + noteCount === 0
            ? 'It is empty.'
            : `Its ${plural(sourceCount, 'article')} and ${plural(noteCount, 'note')} stay in the library and the notes; only the collection goes.`}
        </p>
        <DialogButtons onCancel={onClose} disabled={busy} submitTestId="delete-collection-confirm">
          Delete collection
        </DialogButtons>
      </form>
    </dialog>
  );
}
