import { useState } from 'react';
import type { NoteRevision } from '../../../shared/api';
import { plural } from '../../../shared/text';
import { api } from '../../api/client';
import { useApiQuery } from '../../app/useApiQuery';
import { useLiveQuery } from '../../app/useLiveQuery';
import { formatMoment } from '../../sourceDetails/formatMetadata';
import { AsyncButton } from '../../ui/AsyncButton';
import { ModalDialog } from '../../ui/ModalDialog';
import './noteHistory.css';

interface NoteHistoryDialogProps {
  noteId: string;
  open: boolean;
  onClose: () => void;
  /** Puts the revision in the editor (undoable there); the dialog closes after. */
  onRestore: (revision: NoteRevision) => Promise<void>;
}

/** The note's earlier states, newest first; one is previewed and can be restored. */
export function NoteHistoryDialog({ noteId, open, onClose, onRestore }: NoteHistoryDialogProps) {
  const revisions = useLiveQuery(['notes'], open ? `history:${noteId}` : null, () =>
    api.listNoteRevisions({ noteId }),
  );
  const [chosenId, setChosenId] = useState<string | null>(null);
  const list = revisions.data ?? [];
  const shownId = chosenId ?? list[0]?.id ?? null;
  const preview = useApiQuery(open && shownId ? `revision:${shownId}` : null, () =>
    api.getNoteRevision({ revisionId: shownId ?? '' }),
  );

  return (
    <ModalDialog
      heading="Note history"
      open={open}
      onClose={onClose}
      className="note-history"
      testId="note-history-dialog"
    >
      {revisions.error && <p role="alert">{revisions.error}</p>}
      {revisions.settled && list.length === 0 && (
        <p className="empty-state" data-testid="note-history-empty">
          No earlier versions yet: one is kept every few minutes of writing, and when you leave the
          note.
        </p>
      )}
      {list.length > 0 && (
        <div className="note-history-body">
          <ul className="note-history-list" aria-label="Earlier versions">
            {list.map((revision) => (
              <li key={revision.id}>
                <button
                  type="button"
                  className="note-history-item"
                  data-testid="note-history-item"
                  aria-pressed={revision.id === shownId}
                  onClick={() => setChosenId(revision.id)}
                >
                  <span>{formatMoment(revision.savedAt)}</span>
                  {/* The title is isolated so a Persian one does not reorder the count. */}
                  <span className="note-history-detail">
                    <bdi>{revision.title}</bdi> · {plural(revision.charCount, 'character')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <div className="note-history-preview" data-testid="note-history-preview">
            {/* Each line in its own direction, as in the note. */}
            {preview.data?.id === shownId &&
              preview.data.text.split('\n').map((line, index) => (
                <p key={index} dir="auto">
                  {line}
                </p>
              ))}
          </div>
        </div>
      )}
      <div className="dialog-actions">
        {preview.data && preview.data.id === shownId && (
          <AsyncButton
            className="button button-primary"
            data-testid="note-history-restore"
            onClick={async () => {
              await onRestore(preview.data!);
              onClose();
            }}
          >
            Restore this version
          </AsyncButton>
        )}
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
