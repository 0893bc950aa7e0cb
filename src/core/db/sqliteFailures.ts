/**
 * SQLite's failures, worded for the analyst: a damaged page met by a query
 * (opening reads only what it must, so damage deep in a table shows only when
 * it is read), a full disk, and a write lock another program kept past the
 * busy timeout. SQLite rolls the statement's transaction back in the last two
 * cases, so the message can promise nothing was saved.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DossierError } from '../../shared/errors';
import { describeHolder, liveHolder } from '../backups/notebookHolder';
import { damageFoundByQuery, isSqliteDamage } from '../recovery/sqliteDamage';

/** Less free space than this when an I/O error struck counts as a full disk (SQLite writes pages of 16 KiB, 4 KiB in older notebooks; its index 32 KiB). */
const LOW_SPACE_BYTES = 256 * 1024;

/** Whether SQLite gave up waiting for a lock another connection held. */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}

/** The error as the analyst should read it; anything else stays as it is. */
export function explainSqliteFailure(file: string, error: unknown): unknown {
  if (isSqliteDamage(error)) return damageFoundByQuery(file, error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || (isIoError(code) && diskIsFull(file))) {
    return new DossierError(
      'disk_full',
      `The disk holding ${file} is full: nothing was saved. Free some space on it, then save again.`,
    );
  }
  if (isSqliteBusy(error)) {
    const holder = liveHolder(file);
    const writer =
      holder && holder.pid !== process.pid ? describeHolder(holder) : 'another program';
    return new DossierError(
      'conflict',
      `${file} is being changed by ${writer} and stayed locked too long: nothing was saved. ` +
        'Try again in a moment.',
    );
  }
  return error;
}

/** Every method of `methods`, its SQLite refusals explained, for calls that answer at once or later. */
export function explainingSqliteFailures<T extends object>(file: string, methods: T): T {
  const explain = (error: unknown): unknown => explainSqliteFailure(file, error);
  const wrapped = Object.entries(methods).map(([name, value]) => {
    if (typeof value !== 'function') return [name, value];
    return [
      name,
      (...args: unknown[]) => {
        try {
          const result: unknown = value(...args);
          return result instanceof Promise
            ? result.catch((error: unknown) => Promise.reject(explain(error)))
            : result;
        } catch (error) {
          throw explain(error);
        }
      },
    ];
  });
  return Object.fromEntries(wrapped) as T;
}

function isIoError(code: unknown): boolean {
  return typeof code === 'string' && code.startsWith('SQLITE_IOERR');
}

/**
 * SQLite names a full disk SQLITE_FULL only when the database or its WAL
 * cannot grow; creating the shared-memory index (opening) or another file
 * fails as a plain I/O error, so the disk itself is asked.
 */
function diskIsFull(file: string): boolean {
  try {
    const disk = fs.statfsSync(path.dirname(path.resolve(file)));
    return disk.bavail * disk.bsize < LOW_SPACE_BYTES;
  } catch {
    return false;
  }
}
