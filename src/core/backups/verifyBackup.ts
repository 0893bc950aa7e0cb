import fs from 'node:fs';
import Database from 'better-sqlite3';
import { latestSchemaVersion } from '../db/migrations';

export type BackupCheck =
  | { verified: true; schemaVersion: number }
  | { verified: false; schemaVersion: number | null; problem: string };

/**
 * A backup is good when it opens read-only, SQLite's `integrity_check` says
 * ok, and its schema version is one this Dossier knows (1…latest). The check
 * reads the whole file, so each answer is remembered while the file's size and
 * modification time stay the same.
 */
export function verifyBackupFile(file: string): BackupCheck {
  const stat = fs.statSync(file);
  const key = `${file}\0${stat.size}\0${stat.mtimeMs}`;
  const known = checked.get(file);
  if (known?.key === key) return known.check;
  const check = checkFile(file);
  checked.set(file, { key, check });
  return check;
}

const checked = new Map<string, { key: string; check: BackupCheck }>();

function checkFile(file: string): BackupCheck {
  try {
    return readOnly(file, checkOpened);
  } catch (error) {
    return { verified: false, schemaVersion: null, problem: messageOf(error) };
  }
}

/**
 * Opens `file` read-only for `read`. Opening a WAL-mode file read-only makes
 * SQLite create an empty `-wal` and a `-shm` beside it, which a read-only
 * connection cannot remove: the ones this call created go again.
 */
export function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((sidecar) => !fs.existsSync(sidecar));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
    const walIsEmpty = !fs.existsSync(`${file}-wal`) || fs.statSync(`${file}-wal`).size === 0;
    if (walIsEmpty) for (const sidecar of sidecars) fs.rmSync(sidecar, { force: true });
  }
}

function checkOpened(db: Database.Database): BackupCheck {
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    if (integrity !== 'ok') return { verified: false, schemaVersion, problem: integrity };
    if (schemaVersion < 1 || schemaVersion > latestSchemaVersion) {
      return {
        verified: false,
        schemaVersion,
        problem: `schema version ${schemaVersion} is not one this Dossier knows (1 to ${latestSchemaVersion})`,
      };
    }
    return { verified: true, schemaVersion };
  } catch (error) {
    // "file is not a database" and friends surface on the first read, not on open.
    return { verified: false, schemaVersion: null, problem: messageOf(error) };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
