import { useState } from 'react';
import type { EmptiedTrash, TrashItem } from '../../shared/api';
import { plural } from '../../shared/text';
import { api } from '../api/client';
import { useLiveQuery } from '../app/useLiveQuery';
import { formatMoment } from '../sourceDetails/formatMetadata';
import { AsyncButton } from '../ui/AsyncButton';
import { isolate } from '../ui/bidi';
import { useAction } from '../ui/useAction';
import { ModalDialog } from '../ui/ModalDialog';
import { useTrashActions } from './useTrashActions';
import './trash.css';

interface TrashDialogProps {
  open: boolean;
  onClose: () => void;
}

const kindLabels: Record<TrashItem['kind'], string> = { source: 'Article', note: 'Note' };

/**
 * The trash: the articles and notes moved there, newest first, each with
 * Restore (an article comes back with its versions and passages, a note with
 * its text and links), and Empty trash, which deletes them for good after a
 * confirmation — except an article a note still cites, which stays.
 */
export function TrashDialog({ open, onClose }: TrashDialogProps) {
  const trash = useLiveQuery(['sources', 'notes'], open ? 'trash' : null, () => api.listTrash({}));
  const { restore } = useTrashActions();
  const [confirming, setConfirming] = useState(false);
  const [emptied, setEmptied] = useState<EmptiedTrash | null>(null);
  const run = useAction();

  const items = trash.data ?? [];
  const close = () => {
    setConfirming(false);
    setEmptied(null);
    onClose();
  };
  const emptyTrash = async () => {
    const result = await run('Could not empty the trash', () => api.emptyTrash({}));
    setConfirming(false);
    if (result) setEmptied(result);
  };

  return (
    <ModalDialog
      heading="Trash"
      open={open}
      onClose={close}
      className="trash"
      testId="trash-dialog"
    >
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
      {emptied && <EmptiedReport emptied={emptied} />}
      {items.length > 0 && (
        <ul className="trash-list" aria-label="In the trash">
          {items.map((item) => (
            <li
              key={`${item.kind}:${item.id}`}
              className="trash-item"
              data-testid="trash-item"
              data-kind={item.kind}
            >
              <span className="trash-item-title" dir="auto">
                {item.title}
              </span>
              <span className="trash-item-when">
                {kindLabels[item.kind]} · moved to the trash {formatMoment(item.deletedAt)}
              </span>
              <AsyncButton
                className="button button-small"
                data-testid="trash-restore"
                aria-label={`Restore ${isolate(item.title)}`}
                onClick={() => restore(item.kind, item.id, item.title)}
              >
                Restore
              </AsyncButton>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <div className="trash-confirm" role="alertdialog" aria-label="Empty the trash?">
          <p>
            Delete {plural(items.length, 'item')} for good? This cannot be undone. An article whose
            passages a note still cites stays in the trash.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep them
            </button>
            <AsyncButton
              className="button button-danger"
              data-testid="trash-empty-confirm"
              onClick={emptyTrash}
            >
              Delete for good
            </AsyncButton>
          </div>
        </div>
      )}
      <div className="dialog-actions">
        {items.length > 0 && !confirming && (
          <button
            type="button"
            className="button button-danger"
            data-testid="trash-empty-button"
            onClick={() => {
              setEmptied(null);
              setConfirming(true);
            }}
          >
            Empty trash…
          </button>
        )}
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

function EmptiedReport({ emptied }: { emptied: EmptiedTrash }) {
  return (
    <div className="trash-emptied" role="status" data-testid="trash-emptied">
      <p>
        Deleted for good: {plural(emptied.deletedSources, 'article')} and{' '}
        {plural(emptied.deletedNotes, 'note')}.
      </p>
      {emptied.keptSources.length > 0 && (
        <ul aria-label="Kept in the trash">
          {emptied.keptSources.map((kept) => (
            <li key={kept.id}>
              <span dir="auto">{kept.title}</span> stays: {plural(kept.citingNotes, 'note')} still
              cite its passages. Remove those links (or delete those notes) first.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
