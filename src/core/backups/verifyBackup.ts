import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../db/sqliteConnection';
import { latestSchemaVersion } from '../db/migrations';

export type BackupCheck =
  | { verified: true; schemaVersion: number }
  | { verified: false; schemaVersion: number | null; problem: string };

/**
 * A backup is good when it opens read-only, SQLite's `integrity_check` says
 * ok, and its schema version is one this Dossier knows (1…latest). The check
 * reads the whole file, so a good answer is remembered while the file's size
 * and modification time stay the same: in memory, and in `verified.json` in
 * its folder so that another process (the next launch) need not read every
 * backup again. A bad answer is never remembered.
 */
export function verifyBackupFile(file: string): BackupCheck {
  const stat = fs.statSync(file);
  const known = readIndex(path.dirname(file))[path.basename(file)];
  if (known && known.bytes === stat.size && known.mtimeMs === stat.mtimeMs) {
    return { verified: true, schemaVersion: known.schemaVersion };
  }
  const check = checkBackupFile(file);
  if (check.verified) rememberVerified(file, check.schemaVersion);
  return check;
}

/** Records a backup just checked by its maker, so listing it reads nothing. */
export function rememberVerified(file: string, schemaVersion: number): void {
  const folder = path.dirname(file);
  const stat = fs.statSync(file);
  const index = { ...readIndex(folder) };
  index[path.basename(file)] = { bytes: stat.size, mtimeMs: stat.mtimeMs, schemaVersion };
  // Names gone from the folder (rotated away) leave the index too.
  const names = new Set(fs.readdirSync(folder));
  for (const name of Object.keys(index)) if (!names.has(name)) delete index[name];
  indexes.set(folder, index);
  const temporary = path.join(folder, `${INDEX_FILE}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, JSON.stringify(index));
    fs.renameSync(temporary, path.join(folder, INDEX_FILE));
  } catch {
    // Only a shortcut: without it the next process checks the file again.
    fs.rmSync(temporary, { force: true });
  }
}

const INDEX_FILE = 'verified.json';
type VerifiedIndex = Record<string, { bytes: number; mtimeMs: number; schemaVersion: number }>;
const indexes = new Map<string, VerifiedIndex>();

function readIndex(folder: string): VerifiedIndex {
  const inMemory = indexes.get(folder);
  if (inMemory) return inMemory;
  let index: VerifiedIndex = {};
  try {
    index = JSON.parse(fs.readFileSync(path.join(folder, INDEX_FILE), 'utf8')) as VerifiedIndex;
  } catch {
    // None yet, or unreadable: every file is checked.
  }
  indexes.set(folder, index);
  return index;
}

/** Checks `file` now, whatever was remembered of it. */
export function checkBackupFile(file: string): BackupCheck {
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
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
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
