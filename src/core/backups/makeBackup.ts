import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, OperationContext } from '../../shared/api';
import { backupDatabase } from '../db/backup';
import type { ReadableDB } from '../db/openDatabase';
import { quietOperation } from '../operations';
import { backupFileName, backupFolderOf, PARTIAL_SUFFIX, type BackupReason } from './backupFiles';
import { rotateBackups } from './rotation';
import { rememberVerified } from './verifyBackup';

export interface BackupOptions {
  /** The clock that names the backup and ages the older ones; tests pass their own. */
  now?: () => Date;
  operation?: OperationContext;
}

/**
 * Backs the live notebook up into its backups folder with SQLite's online
 * backup API (the notebook stays usable meanwhile), verifies the copy, and
 * only then gives it its name and rotates the older ones out.
 */
export async function makeBackup(
  db: ReadableDB,
  reason: BackupReason,
  { now = () => new Date(), operation = quietOperation }: BackupOptions = {},
): Promise<BackupEntry> {
  const time = now();
  const file = freeBackupFile(db.name, reason, time);
  const partial = file + PARTIAL_SUFFIX;
  try {
    const { bytes, schemaVersion } = await backupDatabase(db, partial, operation);
    fs.renameSync(partial, file);
    rememberVerified(file, schemaVersion);
    rotateBackups(db.name, time);
    return { file, createdAt: time.toISOString(), bytes, reason, schemaVersion, verified: true };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** A new name in the backups folder (created when absent) for a backup made at `time`. */
export function freeBackupFile(dbFile: string, reason: BackupReason, time: Date): string {
  const folder = backupFolderOf(dbFile);
  fs.mkdirSync(folder, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const file = path.join(folder, backupFileName(reason, time, attempt));
    if (!fs.existsSync(file) && !fs.existsSync(file + PARTIAL_SUFFIX)) return file;
  }
}
