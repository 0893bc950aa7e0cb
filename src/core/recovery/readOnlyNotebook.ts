/**
 * A notebook Dossier may not change (a file or a folder without write
 * permission, a read-only disk) still opens: reading and search work, and
 * every write is refused with the reason.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NotebookStatus } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import { latestSchemaVersion } from '../db/migrations';
import { openDatabase, type OpenOptions, type ReadableDB } from '../db/openDatabase';
import { readSchemaVersionFromHeader } from '../db/sqliteHeader';

export type NotebookAccess = Omit<NotebookStatus, 'databaseFile'>;

/** Whether this process may change the notebook; a notebook not yet created is writable (or fails to be made). */
export function notebookAccess(file: string): NotebookAccess {
  if (!fs.existsSync(file)) return { readOnly: false };
  if (!canWrite(file)) {
    return { readOnly: true, reason: `this account may not change the file ${file}` };
  }
  const folder = path.dirname(path.resolve(file));
  if (!canWrite(folder)) {
    // SQLite keeps the notebook's write-ahead log beside it, so even reading needs the folder.
    return { readOnly: true, reason: `this account may not change the folder ${folder}` };
  }
  return { readOnly: false };
}

function canWrite(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ReadOnlyNotebook {
  db: ReadableDB;
  close(): void;
}

/**
 * A reading connection to the notebook. Where its folder cannot be written,
 * SQLite cannot keep the shared-memory file a WAL notebook needs to be read,
 * and a notebook from an older Dossier cannot be upgraded in place: a copy in
 * the temp folder is read instead (upgraded, and removed on close).
 */
export function openReadOnlyNotebook(
  file: string,
  options: OpenOptions,
  access: NotebookAccess,
): ReadOnlyNotebook {
  const folder = path.dirname(path.resolve(file));
  // A writable notebook's reader opens after its writer has upgraded it (the header may lag behind the WAL).
  const version = readSchemaVersionFromHeader(file);
  const upToDate =
    !access.readOnly || typeof version !== 'number' || version >= latestSchemaVersion;
  if (canWrite(folder) && upToDate) {
    const db = openDatabase(file, { ...options, readonly: true });
    return { db, close: () => db.close() };
  }
  const copyFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-read-only-'));
  try {
    const copy = path.join(copyFolder, path.basename(file));
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    // A writing connection on the copy brings an older schema up to date; the notebook stays as it is.
    const db: ReadableDB = openDatabase(copy, options);
    return {
      db,
      close: () => {
        db.close();
        fs.rmSync(copyFolder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(copyFolder, { recursive: true, force: true });
    throw error;
  }
}

/** What every write to a read-only notebook answers. */
export function readOnlyRefusal(file: string, reason: string | undefined): DossierError {
  return new DossierError(
    'forbidden',
    `${file} is open read-only (${reason ?? 'it cannot be written'}): it can be read and searched, not changed. ` +
      'Give this account write permission to the file and its folder, or copy it to a folder of your own, and open it again.',
  );
}
