import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../support/tempFolder';
import { migrateToVersion, newDatabaseFile } from '../support/migrateToVersion';

let db: Database.Database;
useTempFolder('dossier-migration-001-', (folder) => {
  db = newDatabaseFile(path.join(folder, 'notebook.db'));
  return () => db.close();
});

describe('migration 001-initial', () => {
  it('builds the tables of schema 1 on an empty database', () => {
    migrateToVersion(db, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
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
  });

  it("lets a source name its current version before the version's row exists", () => {
    migrateToVersion(db, 1);
    db.transaction(() => {
      db.prepare(
        "INSERT INTO sources (id, title, captured_at, current_version_id) VALUES (1, 'Report', 'now', 1)",
      ).run();
      db.prepare(
        `INSERT INTO source_versions
           (id, source_id, version_number, text, blocks_json, content_sha256, extractor, created_at)
         VALUES (1, 1, 1, 'Text', '[]', 'hash', 'text', 'now')`,
      ).run();
    })();
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('makes contentless FTS tables whose rows can be replaced and deleted', () => {
    migrateToVersion(db, 1);
    const replace = db.prepare(
      'INSERT OR REPLACE INTO notes_fts (rowid, title, body) VALUES (?, ?, ?)',
    );
    replace.run(7, 'harbour', 'ferry at dawn');
    replace.run(7, 'harbour', 'ferry at dusk');
    const match = db.prepare('SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?').pluck();
    expect(match.all('dawn')).toEqual([]);
    expect(match.all('dusk')).toEqual([7]);
    db.prepare('DELETE FROM notes_fts WHERE rowid = 7').run();
    expect(match.all('harbour')).toEqual([]);
  });
});
