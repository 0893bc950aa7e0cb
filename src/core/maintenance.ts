/** Whole-notebook operations for the hosts: backup and check, each on its own connection. */
import { backupDatabase, type BackupResult } from './db/backup';
import { checkDatabase, type CheckReport } from './db/checkDatabase';
import { openDatabase } from './db/openDatabase';

export type { BackupResult, CheckReport };

export async function backupNotebook(notebook: string, destination: string): Promise<BackupResult> {
  const db = openDatabase(notebook);
  try {
    return await backupDatabase(db, destination);
  } finally {
    db.close();
  }
}

export function checkNotebook(notebook: string): CheckReport {
  const db = openDatabase(notebook);
  try {
    return checkDatabase(db);
  } finally {
    db.close();
  }
}
