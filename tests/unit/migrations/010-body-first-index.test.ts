import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../../src/core/db/checkDatabase';
import { BULK_INDEX_BUFFER_BYTES } from '../../../src/core/db/migrations/009-bulk-index-buffer';
import type { ReadableDB, WritableDB } from '../../../src/core/db/openDatabase';
import { readSearchKeyVersion, rebuildSearchIndex } from '../../../src/core/search/reindex';
import { searchAll } from '../../../src/core/search/search';
import { SEARCH_KEY_VERSION } from '../../../src/core/search/searchKey';
import { fillSchema7 } from '../support/schema7Notebook';
import { useTempFolder } from '../support/tempFolder';
import { migrateToVersion, newDatabaseFile } from '../support/migrateToVersion';

let db: Database.Database;
useTempFolder('dossier-migration-010-', (folder) => {
  db = newDatabaseFile(path.join(folder, 'notebook.db'));
  return () => db.close();
});

const columnsOf = (table: string) =>
  (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((column) => column.name);
const found = (query: string) =>
  searchAll(db as unknown as ReadableDB, query, 10).map((hit) => `${hit.kind} ${hit.id}`);

describe('migration 010-body-first-index', () => {
  it('makes the indexes of titled texts anew, body first, and has a notebook that held any re-indexed', async () => {
    fillSchema7(db);
    migrateToVersion(db, 9);
    db.prepare('INSERT INTO sources_fts (rowid, title, body) VALUES (?, ?, ?)').run(
      2,
      'source 2',
      'harbour news the ferry left at dawn',
    );
    expect(found('ferry')).toEqual(['source 2']);

    migrateToVersion(db, 10);

    expect(db.pragma('user_version', { simple: true })).toBe(10);
    for (const table of ['sources_fts', 'old_versions_fts', 'notes_fts']) {
      expect(columnsOf(table)).toEqual(['body', 'title']);
    }
    expect(columnsOf('passages_fts')).toEqual(['exact', 'comment']);
    expect(db.prepare("SELECT v FROM sources_fts_config WHERE k = 'hashsize'").pluck().get()).toBe(
      BULK_INDEX_BUFFER_BYTES,
    );
    // Empty until rebuilt, and known to be so.
    expect(found('ferry')).toEqual([]);
    expect(readSearchKeyVersion(db as unknown as ReadableDB)).toBeNull();
    expect((await checkDatabase(db as unknown as WritableDB)).problems).toEqual([
      expect.stringMatching(/^the search index waits to be rebuilt \(after an upgrade/),
    ]);

    await rebuildSearchIndex(db as unknown as WritableDB);

    expect(readSearchKeyVersion(db as unknown as ReadableDB)).toBe(SEARCH_KEY_VERSION);
    expect(found('ferry')).toEqual(['source 2']);
    expect(found('tonnage')).toEqual(['source 3']);
    expect(found('Fähre')).toEqual(['source 1']);
    expect(found('"source 1" OR "source 3"').sort()).toEqual(['source 1', 'source 3']);
    // Every text still matches its hash, every index its rows.
    expect(await checkDatabase(db as unknown as WritableDB)).toMatchObject({
      ok: true,
      problems: [],
    });
  });

  it('leaves a notebook with nothing indexed current: it has nothing to re-index', () => {
    migrateToVersion(db, 10);
    expect(readSearchKeyVersion(db as unknown as ReadableDB)).toBe(SEARCH_KEY_VERSION);
    expect(columnsOf('sources_fts')).toEqual(['body', 'title']);
  });
});
