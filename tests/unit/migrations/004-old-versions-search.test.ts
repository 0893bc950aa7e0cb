import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { searchKey } from '../../../src/core/search/searchKey';
import { useTempFolder } from '../support/tempFolder';
import { listBackups } from '../../../src/core/backups/listBackups';
import { migrateToVersion, newDatabaseFile } from '../support/migrateToVersion';

let file: string;
let db: Database.Database;
useTempFolder('dossier-migration-004-', (folder) => {
  file = path.join(folder, 'notebook.db');
  db = newDatabaseFile(file);
  return () => db.close();
});

/** A schema-3 notebook: a source revised twice (version 3 current) and one never revised. */
function fillSchema3(): void {
  db.transaction(() =>
    db.exec(`
    INSERT INTO sources (id, title, captured_at, current_version_id)
      VALUES (1, 'Harbour news', '2024-03-01T00:00:00.000Z', 12),
             (2, 'Market', '2024-03-02T00:00:00.000Z', 20);
    INSERT INTO source_versions
        (id, source_id, version_number, text, blocks_json, content_sha256, extractor, created_at)
      VALUES (10, 1, 1, 'Harbour\n\nThe ferry left at dawn.', '[]', 'h1', 'plain-text@1', 't1'),
             (11, 1, 2, 'Harbour\n\nThe ferry left at noon.', '[]', 'h2', 'plain-text@1', 't2'),
             (12, 1, 3, 'Harbour\n\nThe ferry left at dusk.', '[]', 'h3', 'plain-text@1', 't3'),
             (20, 2, 1, 'Market\n\nStalls opened at dawn.', '[]', 'h4', 'plain-text@1', 't4');
  `),
  )();
  const index = db.prepare('INSERT INTO sources_fts (rowid, title, body) VALUES (?, ?, ?)');
  index.run(1, searchKey('Harbour news'), searchKey('Harbour\n\nThe ferry left at dusk.'));
  index.run(2, searchKey('Market'), searchKey('Market\n\nStalls opened at dawn.'));
}

/** The rowids `query` (FTS5 syntax, in search keys: lower case) finds among the older versions. */
function oldVersionsMatching(query: string): number[] {
  return db
    .prepare('SELECT rowid FROM old_versions_fts WHERE old_versions_fts MATCH ? ORDER BY rowid')
    .pluck()
    .all(query) as number[];
}

describe('migration 004-old-versions-search', () => {
  it('indexes every version that is not its source current one, under title and text', () => {
    migrateToVersion(db, 3);
    fillSchema3();

    migrateToVersion(db, 4);

    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(oldVersionsMatching('ferry')).toEqual([10, 11]);
    expect(oldVersionsMatching('dawn')).toEqual([10]);
    expect(oldVersionsMatching('noon')).toEqual([11]);
    expect(oldVersionsMatching('dusk')).toEqual([]);
    expect(oldVersionsMatching('body : news')).toEqual([]);
    expect(oldVersionsMatching('title : news')).toEqual([10, 11]);
    expect(oldVersionsMatching('stalls')).toEqual([]);
    // The current versions' index is left as it was.
    expect(
      db.prepare("SELECT rowid FROM sources_fts WHERE sources_fts MATCH 'dawn'").pluck().all(),
    ).toEqual([2]);
    db.prepare("INSERT INTO old_versions_fts(old_versions_fts) VALUES ('integrity-check')").run();
    // The notebook as it was before the upgrade is kept, verified, in its backups folder.
    expect(listBackups(file)).toContainEqual(
      expect.objectContaining({ reason: 'before-upgrade', schemaVersion: 3, verified: true }),
    );
  });

  it('works on an empty notebook', () => {
    migrateToVersion(db, 4);
    expect(db.prepare('SELECT count(*) FROM old_versions_fts').pluck().get()).toBe(0);
    expect(oldVersionsMatching('anything')).toEqual([]);
  });
});
