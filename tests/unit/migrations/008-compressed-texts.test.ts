import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ReadableDB } from '../../../src/core/db/openDatabase';
import { listVersions, readVersion } from '../../../src/core/versions/versionQueries';
import { useTempFolder } from '../support/tempFolder';
import { migrateToVersion, newDatabaseFile } from '../support/migrateToVersion';
import { fillSchema7, schema7Blocks, schema7Texts } from '../support/schema7Notebook';

let file: string;
let db: Database.Database;
useTempFolder('dossier-migration-008-', (folder) => {
  file = path.join(folder, 'notebook.db');
  db = newDatabaseFile(file);
  return () => db.close();
});

describe('migration 008-compressed-texts', () => {
  it('keeps every text and its blocks exactly, compressed, and gives the space back', () => {
    fillSchema7(db);
    const lengths = db
      .prepare('SELECT id, length(text) AS length FROM source_versions ORDER BY id')
      .all();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const sizeBefore = fs.statSync(file).size;

    migrateToVersion(db, 8);

    expect(db.pragma('user_version', { simple: true })).toBe(8);
    const columns = (db.pragma('table_info(source_versions)') as Array<{ name: string }>).map(
      (column) => column.name,
    );
    expect(columns).not.toContain('text');
    expect(columns).not.toContain('blocks_json');
    expect(
      db.prepare('SELECT id, text_length AS length FROM source_versions ORDER BY id').all(),
    ).toEqual(lengths);
    // Texts from files are their originals' start: read from them, small or long.
    expect(
      db.prepare('SELECT id, text_encoding FROM source_versions ORDER BY id').raw().all(),
    ).toEqual([
      [10, 'deflate'],
      [20, 'deflate-original'],
      [30, 'deflate-original'],
    ]);
    const readable = db as unknown as ReadableDB;
    const { pasted, fromFile, long } = schema7Texts;
    for (const [id, text] of [
      [1, pasted],
      [2, fromFile],
      [3, long],
    ] as const) {
      const version = readVersion(readable, id);
      expect(version.text).toBe(text);
      expect(version.blocks).toEqual(schema7Blocks(text));
      expect(listVersions(readable, id)[0]?.charCount).toBe([...text].length);
    }
    // Their texts cost nothing beside their originals.
    const stored = db
      .prepare('SELECT id, length(text_data) FROM source_versions WHERE id > 10 ORDER BY id')
      .raw()
      .all() as Array<[number, number]>;
    expect(stored).toEqual([
      [20, 0],
      [30, 0],
    ]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.statSync(file).size).toBeLessThan(sizeBefore);
  });
});
