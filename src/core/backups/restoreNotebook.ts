/**
 * Replacing a notebook with a backup (or any Dossier notebook file): the
 * file is checked first, the notebook in place is backed up, and the switch
 * is one rename, so at every moment the notebook file is whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../db/sqliteConnection';
import type { RestoredNotebook } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import { databaseTooNew } from '../db/applyMigrations';
import type { ReadableDB } from '../db/openDatabase';
import { latestSchemaVersion } from '../db/migrations';
import { freeBackupFile, makeBackup } from './makeBackup';
import { describeHolder, liveHolder } from './notebookHolder';
import { checkBackupFile, readOnly } from './verifyBackup';

export interface RestoreCandidate {
  file: string;
  bytes: number;
  schemaVersion: number;
}

/**
 * Checks that `file` can replace a notebook: a SQLite file that passes its
 * integrity check, holding a Dossier notebook of a schema this Dossier knows.
 */
export function checkRestoreCandidate(file: string): RestoreCandidate {
  const resolved = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new DossierError('not_found', `${resolved} does not exist.`);
  }
  if (!stat.isFile()) throw new DossierError('invalid_argument', `${resolved} is not a file.`);
  const check = checkBackupFile(resolved);
  if (check.schemaVersion !== null && check.schemaVersion > latestSchemaVersion) {
    throw databaseTooNew(resolved, check.schemaVersion);
  }
  if (check.schemaVersion === null || check.schemaVersion === 0 || !hasDossierTables(resolved)) {
    throw new DossierError(
      'unsupported',
      `${resolved} is not a Dossier notebook${check.verified ? '' : ` (${check.problem})`}; nothing was changed.`,
    );
  }
  if (!check.verified) {
    throw new DossierError(
      'damaged',
      `${resolved} failed its integrity check (${check.problem}); nothing was changed. Choose another backup.`,
    );
  }
  return { file: resolved, bytes: stat.size, schemaVersion: check.schemaVersion };
}

function hasDossierTables(file: string): boolean {
  try {
    return readOnly(file, (db) => {
      const row = db.prepare(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sources'",
      );
      return row.get() !== undefined;
    });
  } catch {
    return false;
  }
}

export interface HolderCheck {
  /**
   * The host restoring its own notebook (from the UI) holds it, and has closed
   * its core first: its own record does not count, another process's does.
   */
  allowThisProcess?: boolean;
}

/** Refuses while `dossier serve` or the app holds the notebook open. */
export function refuseWhileHeld(
  dbFile: string,
  { allowThisProcess = false }: HolderCheck = {},
): void {
  const holder = liveHolder(dbFile);
  if (holder === null || (allowThisProcess && holder.pid === process.pid)) return;
  const stop = holder.kind === 'app' ? 'Quit the app' : 'Stop the server (Ctrl+C where it runs)';
  throw new DossierError(
    'conflict',
    `${path.resolve(dbFile)} is open in ${describeHolder(holder)}. ${stop}, then restore again.`,
  );
}

/**
 * Replaces the notebook `dbFile` with the notebook in `source`. The one in
 * place (with what its `-wal` still held) goes to the backups folder first;
 * its `-wal` and `-shm` are moved aside so SQLite never replays them onto the
 * restored file. `source` itself is only read.
 */
export async function restoreNotebook(
  dbFile: string,
  source: string,
  holderCheck: HolderCheck = {},
): Promise<RestoredNotebook> {
  const notebook = path.resolve(dbFile);
  const candidate = checkRestoreCandidate(source);
  if (candidate.file === notebook) {
    throw new DossierError(
      'invalid_argument',
      `${notebook} is the notebook itself; choose a backup.`,
    );
  }
  refuseWhileHeld(notebook, holderCheck);

  const incoming = `${notebook}.restoring-${process.pid}`;
  fs.mkdirSync(path.dirname(notebook), { recursive: true });
  fs.rmSync(incoming, { force: true });
  try {
    copyVerified(candidate, incoming);
    const previous = fs.existsSync(notebook) ? await keepPrevious(notebook) : null;
    moveAsideSidecars(notebook, previous?.file ?? null);
    fs.renameSync(incoming, notebook);
    syncFolder(path.dirname(notebook));
    return {
      notebook,
      from: candidate.file,
      bytes: candidate.bytes,
      schemaVersion: candidate.schemaVersion,
      previous: previous?.file ?? null,
      previousVerified: previous?.verified ?? true,
    };
  } finally {
    fs.rmSync(incoming, { force: true });
  }
}

/**
 * Copies with VACUUM INTO (which also takes what the source's own `-wal`
 * holds, and works on a read-only connection), checks the copy, and flushes
 * it to disk before it is renamed.
 */
function copyVerified(candidate: RestoreCandidate, destination: string): void {
  readOnly(candidate.file, (db) => db.prepare('VACUUM INTO ?').run(destination));
  const copy = checkBackupFile(destination);
  if (!copy.verified || copy.schemaVersion !== candidate.schemaVersion) {
    throw new DossierError(
      'damaged',
      `The copy of ${candidate.file} did not verify; the notebook was not replaced.`,
    );
  }
  const fd = fs.openSync(destination, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A verified backup of the notebook in place (reason before-restore). One
 * that cannot be read whole is not lost either: the file itself is moved into
 * the backups folder as it is.
 */
async function keepPrevious(notebook: string): Promise<{ file: string; verified: boolean }> {
  let db: Database.Database | null = null;
  try {
    db = openSqlite(notebook, { readonly: true, fileMustExist: true });
    const backup = await makeBackup(db as ReadableDB, 'before-restore');
    return { file: backup.file, verified: true };
  } catch {
    db?.close();
    db = null;
    const file = freeBackupFile(notebook, 'before-restore', new Date());
    fs.renameSync(notebook, file);
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(notebook + suffix)) fs.renameSync(notebook + suffix, file + suffix);
    }
    return { file, verified: false };
  } finally {
    db?.close();
  }
}

/**
 * A `-wal` left beside the notebook (a crash) would be replayed onto the
 * restored file. Its content is in the backup just made; it is kept beside
 * that backup under a name SQLite never reads, and the `-shm` (an index of
 * it) goes.
 */
function moveAsideSidecars(notebook: string, previous: string | null): void {
  const wal = `${notebook}-wal`;
  if (fs.existsSync(wal)) {
    const aside = previous ? `${previous}.replaced-wal` : `${notebook}.replaced-wal`;
    fs.renameSync(wal, aside);
  }
  fs.rmSync(`${notebook}-shm`, { force: true });
}

/** Makes the rename itself durable (not possible, nor needed, on Windows). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
