import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DossierError } from '../../shared/errors';
import type { ReadableDB } from './openDatabase';

export interface BackupResult {
  file: string;
  bytes: number;
  schemaVersion: number;
}

/**
 * Copies the live notebook with SQLite's online backup API (never a file copy,
 * which could catch a half-written WAL), then opens the copy and checks it
 * before calling it a backup. An existing file is never overwritten.
 */
export async function backupDatabase(db: ReadableDB, destination: string): Promise<BackupResult> {
  const file = path.resolve(destination);
  if (fs.existsSync(file)) {
    throw new DossierError('already_exists', `${file} already exists; choose a new file name.`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await db.backup(file);
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    const schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    if (integrity !== 'ok' || schemaVersion !== db.pragma('user_version', { simple: true })) {
      throw new DossierError(
        'damaged',
        `The backup ${file} did not verify (${integrity}).`,
      );
    }
    return { file, bytes: fs.statSync(file).size, schemaVersion };
  } finally {
    copy.close();
  }
}

/**
 * Before a schema upgrade, keeps a copy of the notebook as it was
 * (`notebook.db.before-schema-2.bak`), so an upgrade can always be undone.
 */
export function snapshotBeforeUpgrade(db: Database.Database, targetVersion: number): string {
  const file = `${db.name}.before-schema-${targetVersion}.bak`;
  if (!fs.existsSync(file)) db.prepare('VACUUM INTO ?').run(file);
  return file;
}
