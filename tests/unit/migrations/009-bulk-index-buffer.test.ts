import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BULK_INDEX_BUFFER_BYTES } from '../../../src/core/db/migrations/009-bulk-index-buffer';
import { useTempFolder } from '../support/tempFolder';
import { migrateToVersion, newDatabaseFile } from '../support/migrateToVersion';

let db: Database.Database;
useTempFolder('dossier-migration-009-', (folder) => {
  db = newDatabaseFile(path.join(folder, 'notebook.db'));
  return () => db.close();
});

describe('migration 009-bulk-index-buffer', () => {
  it("sets the sources index's in-memory buffer, and the index still finds what it held", () => {
    migrateToVersion(db, 8);
    db.exec("INSERT INTO sources_fts (rowid, title, body) VALUES (1, 'harbour', 'ferry dawn')");
    const hashsize = () =>
      db.prepare("SELECT v FROM sources_fts_config WHERE k = 'hashsize'").pluck().get();
    expect(hashsize()).toBeUndefined();

    migrateToVersion(db, 9);

    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(hashsize()).toBe(BULK_INDEX_BUFFER_BYTES);
    db.exec("INSERT INTO sources_fts (rowid, title, body) VALUES (2, 'port', 'ferry noon')");
    const found = db
      .prepare("SELECT rowid FROM sources_fts WHERE sources_fts MATCH 'ferry' ORDER BY rowid")
      .pluck()
      .all();
    expect(found).toEqual([1, 2]);
    db.exec("INSERT INTO sources_fts (sources_fts) VALUES ('integrity-check')");
  });
});
