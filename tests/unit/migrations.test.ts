import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/core/db/applyMigrations';
import { openDatabase } from '../../src/core/db/openDatabase';
import { readSchemaVersionFromHeader } from '../../src/core/db/sqliteHeader';
import { latestSchemaVersion, migrations } from '../../src/core/db/migrations';
import { expectDossierError } from './support/tempCore';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-migrations-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function tableNames(db: Database.Database): string[] {
  const rows = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all() as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

describe('migrations', () => {
  it('are numbered 1..n in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('migration 1 builds the initial schema on a fresh file, in a new folder', () => {
    const file = path.join(dir, 'nested', 'folder', 'dossier.db');
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(tableNames(db)).toEqual(
        expect.arrayContaining([
          'sources',
          'source_versions',
          'passages',
          'notes',
          'note_links',
          'note_revisions',
          'tags',
          'source_tags',
          'note_tags',
          'sources_fts',
          'passages_fts',
          'notes_fts',
        ]),
      );
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
    const file = path.join(dir, 'dossier.db');
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
    const file = path.join(dir, 'future.db');
    const future = new Database(file);
    future.pragma('journal_mode = WAL');
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${latestSchemaVersion + 1}`);
    future.close();
    const before = fs.readFileSync(file);

    const error = expectDossierError(() => openDatabase(file), 'database_too_new');
    expect(error.message).toContain(`schema ${latestSchemaVersion + 1}`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['future.db']);
  });

  it('refuses a file that is not a SQLite database and does not modify it', () => {
    const file = path.join(dir, 'notes.db');
    const content = Buffer.from('These are my notes, not a database.\n'.repeat(10));
    fs.writeFileSync(file, content);

    expectDossierError(() => openDatabase(file), 'database_damaged');
    expect(fs.readFileSync(file).equals(content)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['notes.db']);
  });

  it('refuses a file shorter than a SQLite header', () => {
    const file = path.join(dir, 'short.db');
    fs.writeFileSync(file, 'SQLite');
    expectDossierError(() => openDatabase(file), 'database_damaged');
    expect(fs.readFileSync(file, 'utf8')).toBe('SQLite');
  });

  it('treats an empty file as a new notebook', () => {
    const file = path.join(dir, 'empty.db');
    fs.writeFileSync(file, '');
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    } finally {
      db.close();
    }
  });

  it('refuses a newer schema still held in the -wal file of a notebook left open', () => {
    const file = path.join(dir, 'crashed.db');
    openDatabase(file).close();
    // A newer app bumps the version; the change sits in the -wal file, not the header yet.
    const newer = new Database(file);
    newer.pragma('wal_autocheckpoint = 0');
    newer.pragma(`user_version = ${latestSchemaVersion + 1}`);
    try {
      expect(readSchemaVersionFromHeader(file)).toBe(latestSchemaVersion);
      expectDossierError(() => openDatabase(file), 'database_too_new');
    } finally {
      newer.close();
    }
  });

  it('rolls back a failing migration whole, leaving the previous version', () => {
    const db = new Database(path.join(dir, 'partial.db'));
    try {
      const broken = {
        version: migrations.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);',
      };
      expect(() => applyMigrations(db, [...migrations, broken])).toThrow(/no_such_table/);
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(tableNames(db)).toContain('sources');
      expect(tableNames(db)).not.toContain('half_done');
    } finally {
      db.close();
    }
  });
});
