import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from './sqliteConnection';
import type { BackupResult, OperationContext } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import { quietOperation, stopIfCancelled } from '../operations';
import type { ReadableDB } from './openDatabase';

/** Small enough steps that a cancel is heard soon, large enough to copy quickly. */
export const BACKUP_STEP_BYTES = 1024 * 1024;

/**
 * Copies the live notebook with SQLite's online backup API (never a file copy,
 * which could catch a half-written WAL), then opens the copy, makes it a
 * single file (rollback journal, not WAL) and checks it before calling it a
 * backup. An existing file is never overwritten.
 */
export async function backupDatabase(
  db: ReadableDB,
  destination: string,
  { signal, progress }: OperationContext = quietOperation,
): Promise<BackupResult> {
  const file = path.resolve(destination);
  if (fs.existsSync(file)) {
    throw new DossierError('already_exists', `${file} already exists; choose a new file name.`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pagesPerStep = Math.max(1, Math.floor(BACKUP_STEP_BYTES / pageSize));
  try {
    await db.backup(file, {
      // Called between steps; throwing stops the copy.
      progress: ({ totalPages, remainingPages }) => {
        stopIfCancelled(signal, 'The backup was cancelled; no file was kept.');
        progress(totalPages - remainingPages, totalPages);
        return pagesPerStep;
      },
    });
  } catch (error) {
    // Half a copy is no backup: it goes, and the name is free again.
    fs.rmSync(file, { force: true });
    throw error;
  }
  const copy = openSqlite(file, { fileMustExist: true });
  try {
    // A backup is one self-contained file: no -wal beside it, now or whenever it is opened.
    copy.pragma('journal_mode = DELETE');
    const integrity = copy.pragma('integrity_check', { simple: true });
    const schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    if (integrity !== 'ok' || schemaVersion !== db.pragma('user_version', { simple: true })) {
      throw new DossierError('damaged', `The backup ${file} did not verify (${integrity}).`);
    }
    return { file, bytes: fs.statSync(file).size, schemaVersion };
  } finally {
    copy.close();
  }
}
