import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { searchKey } from '../../../src/core/search/searchKey';
import { useTempFolder } from '../support/tempFolder';
import { migrateToVersion, newDatabaseFile } from '../support/migrateToVersion';

let db: Database.Database;
useTempFolder('dossier-migration-006-', (folder) => {
  db = newDatabaseFile(path.join(folder, 'notebook.db'));
  return () => db.close();
});

/** A schema-5 notebook: a source, a passage on it (indexed as schema 5 did), a note. */
function fillSchema5(): void {
  db.transaction(() => {
    db.exec(`
      INSERT INTO sources (id, title, captured_at, current_version_id)
        VALUES (1, 'Harbour news', '2024-03-01T00:00:00.000Z', 10);
      INSERT INTO source_versions
          (id, source_id, version_number, text, blocks_json, content_sha256, extractor, created_at)
        VALUES (10, 1, 1, 'Harbour news\n\nThe ferry left at dawn.', '[]', 'h1', 'plain-text@1', 't1');
      INSERT INTO passages (id, source_id, version_id, exact, prefix, suffix, start_utf16, end_utf16,
          anchor_version_id, anchor_start_utf16, anchor_end_utf16, created_at)
        VALUES (5, 1, 10, 'ferry left', 'The ', ' at', 18, 28, 10, 18, 28, 't2');
      INSERT INTO notes (id, title, body_json, plain_text, created_at, updated_at)
        VALUES (3, 'Note', '{}', 'text', 't3', 't3');
    `);
    db.prepare('INSERT INTO passages_fts (rowid, exact) VALUES (5, ?)').run(
      searchKey('ferry left'),
    );
  })();
}

const matches = (query: string) =>
  db
    .prepare('SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?')
    .pluck()
    .all(searchKey(query));

describe('migration 006-workspace', () => {
  it('keeps every passage searchable by its quote, and adds comments, the trash, colours and collections', () => {
    migrateToVersion(db, 5);
    fillSchema5();

    migrateToVersion(db, 6);

    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(matches('ferry')).toEqual([5]);
    expect(db.prepare('SELECT deleted_at FROM sources').pluck().all()).toEqual([null]);
    expect(db.prepare('SELECT color, comment FROM passages').all()).toEqual([
      { color: 'yellow', comment: null },
    ]);

    // A comment has its own column in the index.
    db.prepare('INSERT OR REPLACE INTO passages_fts (rowid, exact, comment) VALUES (5, ?, ?)').run(
      searchKey('ferry left'),
      searchKey('disputed'),
    );
    expect(matches('disputed')).toEqual([5]);

    db.prepare("INSERT INTO collections (id, name, created_at) VALUES (1, 'Ports', 't')").run();
    db.prepare('INSERT INTO collection_sources VALUES (1, 1)').run();
    db.prepare('INSERT INTO collection_notes VALUES (1, 3)').run();
    expect(() =>
      db.prepare("INSERT INTO collections (name, created_at) VALUES ('PORTS', 't')").run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare('INSERT INTO collection_sources VALUES (1, 99)').run()).toThrow(
      /FOREIGN KEY/,
    );
    // Deleting a collection takes its entries, never its items.
    db.prepare('DELETE FROM collections WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM collection_sources').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(1);

    db.prepare("INSERT INTO highlight_colors VALUES ('green', 'evidence')").run();
    expect(() => db.prepare("INSERT INTO highlight_colors VALUES ('green', 'x')").run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
  });

  it('works on an empty notebook', () => {
    migrateToVersion(db, 6);
    expect(db.prepare('SELECT count(*) FROM passages_fts').pluck().get()).toBe(0);
  });
});
