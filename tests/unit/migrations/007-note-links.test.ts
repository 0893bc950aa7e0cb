import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../support/tempFolder';
import { migrateToVersion, newDatabaseFile } from '../support/migrateToVersion';

let db: Database.Database;
useTempFolder('dossier-migration-007-', (folder) => {
  db = newDatabaseFile(path.join(folder, 'notebook.db'));
  return () => db.close();
});

describe('migration 007-note-links', () => {
  it('adds an empty table of links between notes that goes with either note', () => {
    migrateToVersion(db, 6);
    db.exec(`
      INSERT INTO notes (id, title, body_json, plain_text, created_at, updated_at)
        VALUES (1, 'One', '{}', '', 't', 't'), (2, 'Two', '{}', '', 't', 't');
    `);

    migrateToVersion(db, 7);

    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT count(*) FROM note_to_note_links').pluck().get()).toBe(0);
    db.pragma('foreign_keys = ON');
    db.exec('INSERT INTO note_to_note_links (from_note_id, to_note_id) VALUES (1, 2)');
    expect(() =>
      db.exec('INSERT INTO note_to_note_links (from_note_id, to_note_id) VALUES (1, 3)'),
    ).toThrow(/FOREIGN KEY/);
    db.exec('DELETE FROM notes WHERE id = 2');
    expect(db.prepare('SELECT count(*) FROM note_to_note_links').pluck().get()).toBe(0);
  });
});
