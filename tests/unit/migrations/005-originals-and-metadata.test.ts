import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../support/tempFolder';
import { listBackups } from '../../../src/core/backups/listBackups';
import { migrateToVersion, newDatabaseFile } from '../support/migrateToVersion';

let file: string;
let db: Database.Database;
useTempFolder('dossier-migration-005-', (folder) => {
  file = path.join(folder, 'notebook.db');
  db = newDatabaseFile(file);
  return () => db.close();
});

/** A schema-4 notebook: one plain-text source with one version. */
function fillSchema4(): void {
  // One transaction: the source and its current version point at each other.
  db.transaction(() =>
    db.exec(`
    INSERT INTO sources (id, title, captured_at, current_version_id)
      VALUES (1, 'Harbour news', '2024-03-01T00:00:00.000Z', 10);
    INSERT INTO source_versions
        (id, source_id, version_number, text, blocks_json, content_sha256, extractor, created_at)
      VALUES (10, 1, 1, 'Harbour news\n\nThe ferry left at dawn.', '[]', 'h1', 'plain-text@1', 't1');
  `),
  )();
}

describe('migration 005-originals-and-metadata', () => {
  it('keeps existing versions (without an original) and adds where originals, addresses and excerpts go', () => {
    migrateToVersion(db, 4);
    fillSchema4();

    migrateToVersion(db, 5);

    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT id, text, original_id, url FROM source_versions').all()).toEqual([
      { id: 10, text: 'Harbour news\n\nThe ferry left at dawn.', original_id: null, url: null },
    ]);
    expect(db.prepare('SELECT excerpt FROM sources WHERE id = 1').pluck().get()).toBeNull();

    const insertOriginal = db.prepare(
      `INSERT INTO originals (sha256, byte_count, media_type, compression, data)
       VALUES (?, ?, 'text/html', ?, ?)`,
    );
    const { lastInsertRowid } = insertOriginal.run('abc', 3, 'none', Buffer.from('abc'));
    db.prepare('UPDATE source_versions SET original_id = ?, url = ? WHERE id = 10').run(
      lastInsertRowid,
      'https://example.org/news',
    );
    // Identical bytes are kept once; a compression Dossier does not know is refused.
    expect(() => insertOriginal.run('abc', 3, 'none', Buffer.from('abc'))).toThrow(/UNIQUE/);
    expect(() => insertOriginal.run('def', 3, 'gzip', Buffer.from('def'))).toThrow(/CHECK/);
    expect(() =>
      db.prepare('UPDATE source_versions SET original_id = 99 WHERE id = 10').run(),
    ).toThrow(/FOREIGN KEY/);
    // The notebook as it was before the upgrade is kept, verified, in its backups folder.
    expect(listBackups(file)).toContainEqual(
      expect.objectContaining({ reason: 'before-upgrade', schemaVersion: 4, verified: true }),
    );
  });

  it('works on an empty notebook', () => {
    migrateToVersion(db, 5);
    expect(db.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(0);
  });
});
