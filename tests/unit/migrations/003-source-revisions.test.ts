import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../support/tempFolder';
import { listBackups } from '../../../src/core/backups/listBackups';
import { migrateToVersion, newDatabaseFile } from '../support/migrateToVersion';

let file: string;
let db: Database.Database;
useTempFolder('dossier-migration-003-', (folder) => {
  file = path.join(folder, 'notebook.db');
  db = newDatabaseFile(file);
  return () => db.close();
});

/** A schema-2 notebook as Dossier wrote it: a file import and a pasted text, one passage each. */
function fillSchema2(): void {
  // One transaction: a source names its current version before the version's row exists.
  db.transaction(() =>
    db.exec(`
    INSERT INTO sources (id, title, captured_at, original_file_name, current_version_id)
      VALUES (1, 'Harbour', '2024-03-01T00:00:00.000Z', 'harbour.txt', 10),
             (2, 'Pasted', '2024-03-02T00:00:00.000Z', NULL, 20);
    INSERT INTO source_versions
        (id, source_id, version_number, text, blocks_json, content_sha256, extractor, created_at)
      VALUES (10, 1, 1, 'Harbour\n\nThe ferry left at dawn.', '[]', 'h1', 'plain-text@1', '2024-03-01T00:00:00.000Z'),
             (20, 2, 1, 'Pasted\n\nA pasted text.', '[]', 'h2', 'plain-text@1', '2024-03-02T00:00:00.000Z');
    INSERT INTO passages (id, source_id, version_id, exact, prefix, suffix, start_utf16, end_utf16,
        anchor_version_id, anchor_start_utf16, anchor_end_utf16, status, created_at)
      VALUES (100, 1, 10, 'ferry', 'Harbour\n\nThe ', ' left at dawn.', 13, 18, 10, 13, 18, 'exact', 'then'),
             (200, 2, 20, 'pasted', 'Pasted\n\nA ', ' text.', 10, 16, NULL, NULL, NULL, 'exact', 'then');
  `),
  )();
}

describe('migration 003-source-revisions', () => {
  it('keeps every passage exact with score 1 on its only version, anchored there', () => {
    migrateToVersion(db, 2);
    fillSchema2();

    migrateToVersion(db, 3);

    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(
      db
        .prepare(
          `SELECT id, status, anchor_score, anchor_version_id, anchor_start_utf16, anchor_end_utf16,
                  suggestion_start_utf16, suggestion_end_utf16, suggestion_score,
                  confirmed_at, original_exact
           FROM passages ORDER BY id`,
        )
        .all(),
    ).toEqual([
      {
        id: 100,
        status: 'exact',
        anchor_score: 1,
        anchor_version_id: 10,
        anchor_start_utf16: 13,
        anchor_end_utf16: 18,
        suggestion_start_utf16: null,
        suggestion_end_utf16: null,
        suggestion_score: null,
        confirmed_at: null,
        original_exact: null,
      },
      // A passage written without its anchor is anchored where it was made.
      expect.objectContaining({
        id: 200,
        anchor_version_id: 20,
        anchor_start_utf16: 10,
        anchor_end_utf16: 16,
      }),
    ]);
    // Migrating an existing notebook keeps a copy of it as it was.
    // The notebook as it was before the upgrade is kept, verified, in its backups folder.
    expect(listBackups(file)).toContainEqual(
      expect.objectContaining({ reason: 'before-upgrade', schemaVersion: 2, verified: true }),
    );
  });

  it('records how each first version came in, and no revision report', () => {
    migrateToVersion(db, 2);
    fillSchema2();

    migrateToVersion(db, 3);

    expect(
      db
        .prepare(
          'SELECT id, origin, file_name, revision_report_json FROM source_versions ORDER BY id',
        )
        .all(),
    ).toEqual([
      { id: 10, origin: 'file', file_name: 'harbour.txt', revision_report_json: null },
      { id: 20, origin: 'paste', file_name: null, revision_report_json: null },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses scores outside 0–1', () => {
    migrateToVersion(db, 2);
    fillSchema2();
    migrateToVersion(db, 3);
    expect(() => db.prepare('UPDATE passages SET anchor_score = 1.5 WHERE id = 100').run()).toThrow(
      /CHECK constraint failed/,
    );
    expect(() =>
      db.prepare('UPDATE passages SET suggestion_score = -0.1 WHERE id = 100').run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it('works on an empty notebook', () => {
    migrateToVersion(db, 3);
    const columns = (table: string) =>
      (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((column) => column.name);
    expect(columns('passages')).toEqual(
      expect.arrayContaining([
        'anchor_score',
        'suggestion_start_utf16',
        'suggestion_end_utf16',
        'suggestion_score',
        'confirmed_at',
        'original_exact',
      ]),
    );
    expect(columns('source_versions')).toEqual(
      expect.arrayContaining(['origin', 'file_name', 'revision_report_json']),
    );
  });
});
