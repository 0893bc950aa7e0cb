import { useId } from 'react';
import { api } from '../api/client';
import { useLiveQuery } from '../app/useLiveQuery';
import { formatMoment } from '../sourceDetails/formatMetadata';
import { AsyncButton } from '../ui/AsyncButton';
import { isolate } from '../ui/bidi';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';
import './trash.css';
import { useModalDialog } from '../ui/useModalDialog';

interface TrashDialogProps {
  open: boolean;
  onClose: () => void;
}

/**
 * The trash: what was moved there, newest first, each with Restore (a note
 * comes back with its text and its links). Nothing in it is deleted for good.
 */
export function TrashDialog({ open, onClose }: TrashDialogProps) {
  const headingId = useId();
  const dialogRef = useModalDialog(open);
  const trash = useLiveQuery(['notes'], open ? 'trash' : null, () => api.listTrash({}));
  const run = useAction();
  const toast = useToast();

  const items = trash.data ?? [];
  return (
    <dialog
      ref={dialogRef}
      className="dialog trash"
      aria-labelledby={headingId}
      data-testid="trash-dialog"
      onClose={onClose}
    >
      <h2 id={headingId}>Trash</h2>
      {trash.error && (
        <p className="dialog-message" role="alert">
          {trash.error}
        </p>
      )}
      {trash.settled && items.length === 0 && !trash.error && (
        <p className="empty-state" data-testid="trash-empty">
          The trash is empty.
        </p>
      )}
      {items.length > 0 && (
        <ul className="trash-list" aria-label="In the trash">
          {items.map((item) => (
            <li key={`${item.kind}:${item.id}`} className="trash-item" data-testid="trash-item">
              <span className="trash-item-title" dir="auto">
                {item.title}
              </span>
              <span className="trash-item-when">
                Note · moved to the trash {formatMoment(item.deletedAt)}
              </span>
              <AsyncButton
                className="button button-small"
                data-testid="trash-restore"
                aria-label={`Restore ${isolate(item.title)}`}
                onClick={async () => {
                  const restored = await run('Could not restore the note', () =>
                    api.restoreNote({ noteId: item.id }),
                  );
                  if (restored)
                    toast({ kind: 'success', message: `Restored ${isolate(item.title)}` });
                }}
              >
                Restore
              </AsyncButton>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
