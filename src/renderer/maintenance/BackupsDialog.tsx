import { useState } from 'react';
import type { BackupEntry, BackupReason } from '../../shared/api';
import { api } from '../api/client';
import { useLiveQuery } from '../app/useLiveQuery';
import { newOperationId } from '../operations/newOperationId';
import { formatByteCount, formatMoment } from '../sourceDetails/formatMetadata';
import { AsyncButton } from '../ui/AsyncButton';
import { isolate } from '../ui/bidi';
import { ModalDialog } from '../ui/ModalDialog';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import './backups.css';

const reasonLabels: Record<BackupReason, string> = {
  automatic: 'Automatic',
  manual: 'Made by you',
  'before-upgrade': 'Before an upgrade',
  'before-restore': 'Before a restore',
};

/**
 * The notebook's own backups (made when it has been quiet a while after
 * changes, before upgrades and restores, or on demand), newest first, each
 * verified; Restore… puts a verified one back.
 */
export function BackupsDialog({ onClose }: { onClose: () => void }) {
  const run = useAction();
  const toast = useToast();
  const backups = useLiveQuery(['backups'], 'backups', () => api.listBackups({}));
  const list = backups.data ?? [];
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);

  const backUpNow = async () => {
    const made = await run('Could not back up the notebook', () =>
      api.backUpNow({ operationId: newOperationId() }),
    );
    if (made) toast({ kind: 'success', message: `Backed up and verified: ${isolate(made.file)}` });
  };

  return (
    <>
      <ModalDialog
        heading="Backups"
        onClose={onClose}
        className="backups-dialog"
        testId="backups-dialog"
      >
        <p className="backups-intro">
          Dossier backs the notebook up by itself when it has been quiet for a while after changes
          (at most every few hours) and before every upgrade; older backups thin out, and the last
          one that verified is always kept.
        </p>
        {backups.error && <p role="alert">{backups.error}</p>}
        {backups.settled && list.length === 0 && (
          <p className="empty-state" data-testid="backups-empty">
            No backups yet. The first is made a few minutes after your next change, or now with Back
            up now.
          </p>
        )}
        {list.length > 0 && (
          <table className="backups-table" data-testid="backups-table">
            <thead>
              <tr>
                <th scope="col">Made</th>
                <th scope="col">Why</th>
                <th scope="col">Size</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="backups-hidden-label">Restore</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((backup) => (
                <BackupRow
                  key={backup.file}
                  backup={backup}
                  onRestore={() => setRestoring(backup)}
                />
              ))}
            </tbody>
          </table>
        )}
        <p className="backups-restore-help">
          Restore… puts a backup back: Dossier checks it, keeps the current notebook as a backup of
          its own first, then replaces it. From a terminal, with Dossier closed,{' '}
          <code>dossier restore BACKUP_FILE</code> does the same.
        </p>
        <div className="dialog-actions">
          <AsyncButton
            className="button button-primary"
            data-testid="back-up-now"
            onClick={backUpNow}
          >
            Back up now
          </AsyncButton>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </ModalDialog>
      {/* Beside the list, not in it: closing the question must not close the list too. */}
      {restoring && <RestoreBackupDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </>
  );
}

/** A backup that did not verify cannot be restored, so it has no Restore…. */
function BackupRow({ backup, onRestore }: { backup: BackupEntry; onRestore: () => void }) {
  return (
    <tr data-testid="backup-row">
      <td>
        <span title={backup.file}>{formatMoment(backup.createdAt)}</span>
      </td>
      <td>{reasonLabels[backup.reason]}</td>
      <td>{formatByteCount(backup.bytes)}</td>
      <td className={backup.verified ? 'backup-verified' : 'backup-unverified'}>
        {backup.verified ? 'Verified' : 'Did not verify'}
      </td>
      <td>
        {backup.verified && (
          <button
            type="button"
            className="button button-small"
            data-testid="restore-backup"
            aria-label={`Restore… (${formatMoment(backup.createdAt)})`}
            onClick={onRestore}
          >
            Restore…
          </button>
        )}
      </td>
    </tr>
  );
}
