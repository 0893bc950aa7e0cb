import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from './support/tempFolder';
import { applyMigrations } from '../../src/core/db/applyMigrations';
import { openDatabase } from '../../src/core/db/openDatabase';
import { readSchemaVersionFromHeader } from '../../src/core/db/sqliteHeader';
import { latestSchemaVersion, migrations } from '../../src/core/db/migrations';
import { checkMigrationOrder, type Migration } from '../../src/core/db/migrations/migration';
import { newDatabaseFile } from './support/migrateToVersion';
import { expectDossierError } from './support/tempCore';
import { listBackups } from '../../src/core/backups/listBackups';

const temp = useTempFolder('dossier-migrations-');

function tableNames(db: Database.Database): string[] {
  const rows = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all() as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

/** A step after the last one, for tests of the runner. */
function nextMigration(up: Migration['up']): Migration {
  return { version: migrations.length + 1, name: 'test-step', up };
}

describe('the migration list', () => {
  it('is numbered 1..n in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('is refused when a version is missing, repeated or out of order', () => {
    const step = (version: number): Migration => ({ version, name: `step-${version}`, up() {} });
    const good = [step(1), step(2), step(3)];
    expect(checkMigrationOrder(good)).toBe(good);
    expect(() => checkMigrationOrder([step(1), step(3)])).toThrow(
      'Migration 3 (step-3) is in position 2; migrations must be numbered 1, 2, 3, … in the order they run.',
    );
    expect(() => checkMigrationOrder([step(1), step(1)])).toThrow(/Migration 1 \(step-1\)/);
    expect(() => checkMigrationOrder([step(2), step(1)])).toThrow(/Migration 2 \(step-2\)/);
    expect(() => checkMigrationOrder([step(0)])).toThrow(/position 1/);
  });
});

describe('migrations', () => {
  it('build the latest schema on a fresh file, in a new folder', () => {
    const file = path.join(temp.path, 'nested', 'folder', 'dossier.db');
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(tableNames(db)).toEqual(expect.arrayContaining(['sources', 'search_index_state']));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      // NORMAL = 1
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('reopening an up-to-date notebook keeps its data and version', () => {
    const file = path.join(temp.path, 'dossier.db');
    const first = openDatabase(file);
    first.prepare("INSERT INTO tags (name) VALUES ('kept')").run();
    first.close();

    const second = openDatabase(file);
    try {
      expect(second.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(second.prepare('SELECT name FROM tags').pluck().all()).toEqual(['kept']);
    } finally {
      second.close();
    }
  });

  it('refuses a notebook from a newer version and leaves the file byte-for-byte untouched', () => {
    const file = path.join(temp.path, 'future.db');
    const future = new Database(file);
    future.pragma('journal_mode = WAL');
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${latestSchemaVersion + 1}`);
    future.close();
    const before = fs.readFileSync(file);

    const error = expectDossierError(() => openDatabase(file), 'unsupported');
    expect(error.message).toContain(`schema ${latestSchemaVersion + 1}`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(temp.path)).toEqual(['future.db']);
  });

  it('refuses a file that is not a SQLite database and does not modify it', () => {
    const file = path.join(temp.path, 'notes.db');
    const content = Buffer.from('These are my notes, not a database.\n'.repeat(10));
    fs.writeFileSync(file, content);

    expectDossierError(() => openDatabase(file), 'unsupported');
    expect(fs.readFileSync(file).equals(content)).toBe(true);
    expect(fs.readdirSync(temp.path)).toEqual(['notes.db']);
  });

  it('refuses a file shorter than a SQLite header', () => {
    const file = path.join(temp.path, 'short.db');
    fs.writeFileSync(file, 'SQLite');
    expectDossierError(() => openDatabase(file), 'unsupported');
    expect(fs.readFileSync(file, 'utf8')).toBe('SQLite');
  });

  it('treats an empty file as a new notebook', () => {
    const file = path.join(temp.path, 'empty.db');
    fs.writeFileSync(file, '');
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    } finally {
      db.close();
    }
  });

  it('refuses a newer schema still held in the -wal file of a notebook left open', () => {
    const file = path.join(temp.path, 'crashed.db');
    openDatabase(file).close();
    // A newer app bumps the version; the change sits in the -wal file, not the header yet.
    const newer = new Database(file);
    newer.pragma('wal_autocheckpoint = 0');
    newer.pragma(`user_version = ${latestSchemaVersion + 1}`);
    try {
      expect(readSchemaVersionFromHeader(file)).toBe(latestSchemaVersion);
      expectDossierError(() => openDatabase(file), 'unsupported');
    } finally {
      newer.close();
    }
  });

  it('rolls back a failing migration whole, data it moved included, leaving the previous version', () => {
    const db = newDatabaseFile(path.join(temp.path, 'partial.db'));
    try {
      applyMigrations(db);
      db.prepare("INSERT INTO tags (name) VALUES ('kept')").run();
      const broken = nextMigration((migrating) => {
        migrating.exec('CREATE TABLE half_done (name TEXT)');
        migrating.exec('INSERT INTO half_done SELECT name FROM tags');
        migrating.exec('DELETE FROM tags');
        throw new Error('the step failed half-way');
      });
      expect(() => applyMigrations(db, [...migrations, broken])).toThrow('half-way');
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(tableNames(db)).not.toContain('half_done');
      expect(db.prepare('SELECT name FROM tags').pluck().all()).toEqual(['kept']);
    } finally {
      db.close();
    }
  });

  it('run only the pending steps, each with its version bump', () => {
    const db = newDatabaseFile(path.join(temp.path, 'pending.db'));
    try {
      applyMigrations(db);
      const versionsSeen: unknown[] = [];
      const next = nextMigration((migrating) => {
        versionsSeen.push(migrating.pragma('user_version', { simple: true }));
      });
      applyMigrations(db, [...migrations, next]);
      applyMigrations(db, [...migrations, next]);
      expect(versionsSeen).toEqual([latestSchemaVersion]);
      expect(db.pragma('user_version', { simple: true })).toBe(next.version);
    } finally {
      db.close();
    }
  });
});

describe('schema upgrades', () => {
  it('keep a verified backup of the notebook as it was before the upgrade', () => {
    const file = path.join(temp.path, 'dossier.db');
    const db = openDatabase(file);
    db.prepare("INSERT INTO tags (name) VALUES ('before the upgrade')").run();
    const next = nextMigration((migrating) => migrating.exec('CREATE TABLE upgraded (x)'));
    applyMigrations(db, [...migrations, next]);
    db.close();

    const [backup, ...others] = listBackups(file);
    expect(others).toEqual([]);
    expect(backup).toMatchObject({ reason: 'before-upgrade', verified: true });
    const copy = new Database(backup!.file, { readonly: true });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(copy.prepare('SELECT name FROM tags').pluck().all()).toEqual(['before the upgrade']);
    } finally {
      copy.close();
    }
  });

  it('make no copy of a brand-new notebook', () => {
    openDatabase(path.join(temp.path, 'fresh.db')).close();
    expect(fs.readdirSync(temp.path)).toEqual(['fresh.db']);
  });
});
