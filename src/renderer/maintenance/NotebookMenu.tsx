import { useState } from 'react';
import { plural } from '../../shared/text';
import { api } from '../api/client';
import { newOperationId } from '../operations/newOperationId';
import { TrashDialog } from '../trash/TrashDialog';
import { isolate } from '../ui/bidi';
import { Popover } from '../ui/Popover';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';
import { BackupsDialog } from './BackupsDialog';
import { ExportNotesDialog } from './ExportNotesDialog';
import './notebookMenu.css';

interface NotebookMenuProps {
  /** The note open in the editor: what "Export notes…" offers first. */
  openNoteId: string | null;
  /** The collection the library is narrowed to, offered to export next. */
  collectionId: string | null;
}

/**
 * Keeping the notebook safe from the window: the trash, a verified backup to
 * a new file, a check for damage, a rebuild of the search index. Each runs as a long
 * operation, shown (and cancellable) in the operations bar. Also the way notes
 * leave it as files: Export notes….
 */
export function NotebookMenu({ openNoteId, collectionId }: NotebookMenuProps) {
  const run = useAction();
  const toast = useToast();
  const [destination, setDestination] = useState('');
  const [showingTrash, setShowingTrash] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [showingBackups, setShowingBackups] = useState(false);

  const check = async () => {
    const report = await run('Could not check the notebook', () =>
      api.checkNotebook({ operationId: newOperationId() }),
    );
    if (!report) return;
    const { sources, passages, notes } = report.counts;
    toast(
      report.ok
        ? {
            kind: 'success',
            message: `No problems found (${plural(sources, 'article')}, ${plural(passages, 'passage')}, ${plural(notes, 'note')}).`,
          }
        : {
            kind: 'error',
            message: `${plural(report.problems.length, 'problem')} found: ${report.problems.join('; ')}`,
          },
    );
  };

  const rebuild = async () => {
    const counts = await run('Could not rebuild the search index', () =>
      api.rebuildSearchIndex({ operationId: newOperationId() }),
    );
    if (counts) toast({ kind: 'success', message: 'The search index was rebuilt.' });
  };

  const backUp = async () => {
    const backup = await run('Could not back up the notebook', () =>
      api.backupNotebook({ destination: destination.trim(), operationId: newOperationId() }),
    );
    if (!backup) return;
    setDestination('');
    toast({ kind: 'success', message: `Backed up and verified: ${isolate(backup.file)}` });
  };

  return (
    <>
      <Popover
        className="menu-button notebook-menu"
        summary="Notebook"
        label="Notebook: backup and checks"
      >
        <div className="notebook-menu-items">
          <button
            type="button"
            className="button"
            data-testid="open-trash"
            onClick={() => setShowingTrash(true)}
          >
            Trash…
          </button>
          <button
            type="button"
            className="button"
            data-testid="open-backups"
            onClick={() => setShowingBackups(true)}
          >
            Backups…
          </button>
          <button
            type="button"
            className="button"
            data-testid="export-notes"
            onClick={() => setExporting(true)}
          >
            Export notes…
          </button>
          <button
            type="button"
            className="button"
            data-testid="check-notebook"
            onClick={() => void check()}
          >
            Check for problems
          </button>
          <button
            type="button"
            className="button"
            data-testid="rebuild-search-index"
            onClick={() => void rebuild()}
          >
            Rebuild the search index
          </button>
          <form
            className="notebook-backup"
            onSubmit={(event) => {
              event.preventDefault();
              if (destination.trim() !== '') void backUp();
            }}
          >
            <label className="field">
              <span>Back up to a new file on this computer</span>
              <input
                dir="auto"
                data-testid="backup-destination"
                placeholder="/path/to/notebook-backup.db"
                value={destination}
                onChange={(event) => setDestination(event.target.value)}
              />
            </label>
            <button type="submit" className="button" disabled={destination.trim() === ''}>
              Back up
            </button>
          </form>
        </div>
      </Popover>
      <TrashDialog open={showingTrash} onClose={() => setShowingTrash(false)} />
      {showingBackups && <BackupsDialog onClose={() => setShowingBackups(false)} />}
      {exporting && (
        <ExportNotesDialog
          openNoteId={openNoteId}
          collectionId={collectionId}
          onClose={() => setExporting(false)}
        />
      )}
    </>
  );
}
