import Database from 'better-sqlite3';
import { applyMigrations } from '../../../src/core/db/applyMigrations';
import { migrations } from '../../../src/core/db/migrations';

/** A new database file with the connection settings Dossier uses, and no schema yet. */
export function newDatabaseFile(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Runs the migrations after the database's current version up to `version`
 * only (Signal's `updateToVersion`). A migration's test brings a new file to
 * the version before it, fills that schema by hand, then applies the migration.
 * The connection stays raw: no code that expects the latest schema runs on it.
 */
export function migrateToVersion(db: Database.Database, version: number): void {
  if (!Number.isInteger(version) || version < 1 || version > migrations.length) {
    throw new Error(`No schema version ${version}: migrations go from 1 to ${migrations.length}.`);
  }
  applyMigrations(db, migrations.slice(0, version));
}
