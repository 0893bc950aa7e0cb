import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqliteConnection';
import { DossierError } from '../../shared/errors';
import { latestSchemaVersion } from './migrations';
import { applyMigrations, databaseTooNew } from './applyMigrations';
import { readSchemaVersionFromHeader } from './sqliteHeader';
import { findFileDamage } from '../recovery/fileDamage';
import { notebookMovedAside } from '../recovery/moveAside';
import { probeNotebook } from '../recovery/probeNotebook';
import { isSqliteDamage, whatToRunOnDamage } from '../recovery/sqliteDamage';
import { explainSqliteFailure, isSqliteBusy } from './sqliteFailures';

/**
 * Branded handles (Signal's idea): code that only reads takes a ReadableDB, so
 * the type checker shows which paths can write. A WritableDB is also readable.
 */
export type ReadableDB = Database.Database & { readonly __readable: never };
export type WritableDB = ReadableDB & { readonly __writable: never };

/** How long a statement waits for another connection's lock (the CLI and the app may share the file). */
const BUSY_TIMEOUT_MS = 5000;

/** The page size of the notebooks this program creates. */
export const PAGE_SIZE = 16_384;

export interface OpenOptions {
  /**
   * A second connection that only reads, beside the one that writes (which has
   * opened and migrated the file already): queries answered while a long write
   * runs. SQLite itself refuses any write through it.
   */
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the notebook file and brings its schema up to date.
 * A notebook from a newer Dossier or a file that is not a SQLite database is
 * refused before SQLite opens it, so the file stays byte-for-byte as it was.
 */
export function openDatabase(file: string, options: OpenOptions & { readonly: true }): ReadableDB;
export function openDatabase(file: string, options?: OpenOptions): WritableDB;
export function openDatabase(file: string, options: OpenOptions = {}): ReadableDB {
  if (options.readonly) return openReader(file);
  moveAsideIfDamaged(file);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  let db: Database.Database;
  try {
    db = openSqlite(file);
  } catch (error) {
    throw toOpenError(file, error);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Only a new file takes it (WAL mode fixes an existing file's page size). Originals
    // of a few KB compressed fill 4 KB pages poorly: 16 KB pages leave 4% of the
    // file unused instead of 15%, and make searches no slower (measured at 100,000).
    db.pragma(`page_size = ${PAGE_SIZE}`);
    switchToWal(db);
    db.pragma('foreign_keys = ON');
    // In WAL mode NORMAL never corrupts the file; a power cut may lose only the
    // last commits, and it saves an fsync on every transaction.
    db.pragma('synchronous = NORMAL');
    applyMigrations(db);
    return db as WritableDB;
  } catch (error) {
    db.close();
    throw toOpenError(file, error);
  }
}

/** How long to wait between two tries at switching a notebook to WAL. */
const WAL_RETRY_MS = 20;

/**
 * SQLite refuses a change of journal mode at once, without the busy timeout,
 * while another connection holds a lock in the old mode: two programs opening
 * a new notebook at the same moment both switch it. The one refused tries
 * again (by then it is WAL already, and nothing is left to change) until the
 * busy timeout has passed.
 */
function switchToWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAL_RETRY_MS);
    }
  }
}

function openReader(file: string): ReadableDB {
  let db: Database.Database;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw toOpenError(file, error);
  }
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== latestSchemaVersion) {
    db.close();
    throw new DossierError(
      'internal',
      `${file} is at schema ${version}, not ${latestSchemaVersion}: open it for writing first.`,
    );
  }
  return db as ReadableDB;
}

/**
 * A damaged notebook is judged before a connection that could write opens it
 * (closing one checkpoints the WAL into the file): first by plain reads of
 * the header and the WAL, then by reading its schema and each table's edges
 * through a connection that cannot write. Then it is moved aside, unchanged,
 * and nothing is created in its place.
 */
function moveAsideIfDamaged(file: string): void {
  let damage: string | null;
  try {
    damage = findFileDamage(file);
  } catch (error) {
    throw new DossierError('forbidden', `Could not read ${file}: ${errorText(error)}.`);
  }
  // A foreign or newer file is refused here and left where it is.
  if (damage === null && refuseUnopenableFile(file) !== 'absent') {
    try {
      damage = probeNotebook(file);
    } catch (error) {
      // Reading needs the shared-memory index beside the file: a full disk refuses even that.
      throw toOpenError(file, error);
    }
  }
  if (damage !== null) throw notebookMovedAside(file, damage);
}

/**
 * Reads the schema version from the file header with plain file I/O: even a
 * read-only SQLite connection creates -wal/-shm files next to a WAL database.
 */
function refuseUnopenableFile(file: string): number | 'absent' {
  let version: ReturnType<typeof readSchemaVersionFromHeader>;
  try {
    version = readSchemaVersionFromHeader(file);
  } catch (error) {
    throw new DossierError('forbidden', `Could not read ${file}: ${errorText(error)}.`);
  }
  if (version === 'not-sqlite') {
    throw new DossierError(
      'unsupported',
      `${file} is not a Dossier notebook (not a SQLite database). It was left untouched.`,
    );
  }
  if (version !== 'absent' && version > latestSchemaVersion) throw databaseTooNew(file, version);
  return version;
}

/** SQLite's failures worded for the analyst; anything unexpected stays as it is. */
function toOpenError(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (isSqliteDamage(error)) {
    return new DossierError(
      'damaged',
      `Could not open ${file}: ${errorText(error)}. ${whatToRunOnDamage(file)}`,
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'SQLITE_READONLY') {
    return new DossierError('forbidden', `Could not open ${file}: ${errorText(error)}.`);
  }
  return explainSqliteFailure(file, error);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
