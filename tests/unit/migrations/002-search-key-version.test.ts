import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../support/tempFolder';
import { listBackups } from '../../../src/core/backups/listBackups';
import { SEARCH_KEY_VERSION } from '../../../src/core/search/searchKey';
import { migrateToVersion, newDatabaseFile } from '../support/migrateToVersion';

let file: string;
let db: Database.Database;
useTempFolder('dossier-migration-002-', (folder) => {
  file = path.join(folder, 'notebook.db');
  db = newDatabaseFile(file);
  return () => db.close();
});

function storedSearchKeyVersions(): unknown[] {
  return db.prepare('SELECT search_key_version FROM search_index_state').pluck().all();
}

describe('migration 002-search-key-version', () => {
  it('records search keys version 1 for a schema-1 notebook with an index, keeping its data', () => {
    migrateToVersion(db, 1);
    db.prepare(
      "INSERT INTO notes (id, title, body_json, plain_text, created_at, updated_at) VALUES (1, 'Ferries', '{}', 'The ferry left at dawn.', 'then', 'then')",
    ).run();
    db.prepare(
      "INSERT INTO notes_fts (rowid, title, body) VALUES (1, 'ferries', 'the ferry left at dawn')",
    ).run();

    migrateToVersion(db, 2);

    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(storedSearchKeyVersions()).toEqual([1]);
    expect(db.prepare('SELECT title FROM notes').pluck().all()).toEqual(['Ferries']);
    expect(
      db.prepare("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'dawn'").pluck().all(),
    ).toEqual([1]);
    // Migrating an existing notebook keeps a copy of it as it was.
    // The notebook as it was before the upgrade is kept, verified, in its backups folder.
    expect(listBackups(file)).toContainEqual(
      expect.objectContaining({ reason: 'before-upgrade', schemaVersion: 1, verified: true }),
    );
  });

  it("records this Dossier's search keys version for a notebook with nothing indexed", () => {
    migrateToVersion(db, 1);
    migrateToVersion(db, 2);
    expect(storedSearchKeyVersions()).toEqual([SEARCH_KEY_VERSION]);
  });

  it('keeps the state to one row', () => {
    migrateToVersion(db, 2);
    expect(() =>
      db.prepare('INSERT INTO search_index_state (id, search_key_version) VALUES (2, 1)').run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
