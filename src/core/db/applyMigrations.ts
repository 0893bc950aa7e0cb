import type Database from 'better-sqlite3';
import { DossierError } from '../../shared/errors';
import { snapshotBeforeUpgrade } from '../backups/snapshotBeforeUpgrade';
import { latestSchemaVersion, migrations } from './migrations';
import { isSqliteBusy } from './sqliteFailures';
import type { Migration } from './migrations/migration';

/**
 * Brings the schema up to date. `PRAGMA user_version` counts the applied
 * migrations (their versions are 1, 2, 3, …, checked when the list is built);
 * each pending one runs in its own transaction together with the version bump,
 * so a crash or a failing step leaves the schema at a whole step.
 */
export function applyMigrations(
  db: Database.Database,
  all: readonly Migration[] = migrations,
): void {
  const current = readUserVersion(db);
  // Normally caught from the file header already; this covers a newer schema
  // still sitting in a -wal file left by a crash.
  if (current > all.length) throw databaseTooNew(db.name, current);
  const pending = all.slice(current);
  // An existing notebook is backed up before its schema changes; a new one has nothing to lose.
  if (current > 0 && pending.length > 0 && !db.memory) snapshotBeforeUpgrade(db);
  let compact = false;
  for (const migration of pending) {
    db.transaction(() => {
      // Another process opening the notebook at the same moment may have applied it while this one waited for the lock.
      if (readUserVersion(db) >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
      compact ||= migration.vacuumAfter === true;
    }).immediate();
  }
  if (current > 0 && !db.memory && compact) vacuum(db);
}

/**
 * Gives back the space an upgrade freed. Outside any transaction, as VACUUM
 * must be; a crash during it leaves the upgraded file whole. The upgrade is
 * done whether or not it runs: while another program writes to the notebook,
 * the file keeps its free pages for later writes to fill.
 */
function vacuum(db: Database.Database): void {
  try {
    db.exec('VACUUM');
  } catch (error) {
    if (!isSqliteBusy(error)) throw error;
  }
}

function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function databaseTooNew(file: string, version: number): DossierError {
  return new DossierError(
    'unsupported',
    `${file} was written by a newer version of Dossier (schema ${version}; this version knows up to ${latestSchemaVersion}). ` +
      'Update Dossier to open it.',
  );
}
