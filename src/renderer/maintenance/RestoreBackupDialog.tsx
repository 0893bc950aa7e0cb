import { useState } from 'react';
import type { BackupEntry } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { api } from '../api/client';
import { flushAllNotes } from '../notes/noteSaver';
import { formatMoment } from '../sourceDetails/formatMetadata';
import { FormDialog } from '../ui/FormDialog';

interface RestoreBackupDialogProps {
  backup: BackupEntry;
  onClose: () => void;
}

/**
 * Asks before putting a backup in the notebook's place, saying that the
 * notebook as it is now is kept as a backup first. Notes being typed are saved
 * before; once the backup is back the window reloads, so nothing on screen
 * still shows (or saves) the replaced notebook.
 */
export function RestoreBackupDialog({ backup, onClose }: RestoreBackupDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const made = formatMoment(backup.createdAt);

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      await flushAllNotes();
      await api.restoreBackup({ file: backup.file });
      window.location.reload();
    } catch (failure) {
      setError(`The backup was not restored: ${errorMessage(failure)}`);
      setBusy(false);
    }
  };

  return (
    <FormDialog
      heading={`Restore the backup of ${made}?`}
      onClose={onClose}
      testId="restore-backup-dialog"
      onSubmit={() => void restore()}
      error={error}
      errorTestId="restore-backup-error"
      submitLabel={busy ? 'Restoring…' : 'Restore this backup'}
      submitDisabled={busy}
      submitTestId="restore-backup-confirm"
    >
      <p className="dialog-explanation">
        The notebook goes back to how it was on {made}. The notebook as it is now is backed up first
        (listed here as “Before a restore”), so what you did since is not lost.
      </p>
      <p className="dialog-explanation">
        Dossier reopens the notebook when the backup is back; this window then reloads.
      </p>
    </FormDialog>
  );
}
