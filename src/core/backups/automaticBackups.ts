import type { BackupEntry } from '../../shared/api';
import type { NotebookEvent } from '../../shared/notebookEvents';
import {
  startBackupScheduler,
  type BackupScheduler,
  type SchedulerOptions,
} from './backupScheduler';
import { newestBackupTime } from './listBackups';

export interface AutomaticBackupHost {
  databaseFile: string;
  backUp(reason: 'automatic'): Promise<BackupEntry>;
  /** Every event of the notebook: its changes start the wait for a quiet moment. */
  subscribe(listener: (event: NotebookEvent) => void): () => void;
  /** Tells the windows a backup was added (their Backups list re-reads). */
  announce(event: NotebookEvent): void;
}

/**
 * Automatic backups for a host that keeps a notebook open for long (the
 * browser-mode server's writer, the app's core process): made after changes
 * once the notebook is quiet, rotated, and announced under `backups`.
 */
export function keepBackedUp(
  host: AutomaticBackupHost,
  overrides: Pick<SchedulerOptions, 'clock' | 'schedule'> = {},
): BackupScheduler {
  const scheduler = startBackupScheduler({
    ...overrides,
    lastBackupAt: newestBackupTime(host.databaseFile),
    async backUp() {
      await host.backUp('automatic');
      host.announce({ type: 'changed', changed: ['backups'] });
    },
    onError(error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`dossier: the automatic backup of ${host.databaseFile} failed: ${message}`);
    },
  });
  const unsubscribe = host.subscribe((event) => {
    // A backup changes only the backups folder, never the notebook.
    if (event.type === 'changed' && event.changed.some((topic) => topic !== 'backups')) {
      scheduler.noteChange();
    }
  });
  return {
    noteChange: () => scheduler.noteChange(),
    async stop() {
      unsubscribe();
      await scheduler.stop();
    },
  };
}
