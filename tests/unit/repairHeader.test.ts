/**
 * A zeroed header is written back with the page size the file was made with:
 * today's notebooks (16 KB pages) and those made before (4 KB) alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/core/db/openDatabase';
import { repairCopiedHeader } from '../../src/core/recovery/repairHeader';
import { useTempFolder } from './support/tempFolder';

const folder = useTempFolder('dossier-repair-header-');

/** A file of `pageSize` pages: a table, its index, and rows of mixed sizes (some overflow a page). */
function makeFile(pageSize: number): { file: string; rows: unknown[] } {
  const file = path.join(folder.path, `pages-${pageSize}.db`);
  const db = new Database(file);
  db.pragma(`page_size = ${pageSize}`);
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT, body TEXT)');
  db.exec('CREATE INDEX notes_by_title ON notes (title)');
  const insert = db.prepare('INSERT INTO notes (title, body) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 600; i++) insert.run(`Note ${i}`, 'ferry timetable '.repeat(i % 97) + i);
  })();
  const rows = db.prepare('SELECT * FROM notes ORDER BY id').all();
  db.close();
  return { file, rows };
}

describe('a notebook whose header was zeroed', () => {
  for (const pageSize of [4096, PAGE_SIZE]) {
    it(`gets its ${pageSize}-byte pages back and reads whole`, () => {
      const { file, rows } = makeFile(pageSize);
      const bytes = fs.readFileSync(file);
      bytes.fill(0, 0, 100);
      fs.writeFileSync(file, bytes);

      repairCopiedHeader(file);

      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('page_size', { simple: true })).toBe(pageSize);
        expect(db.prepare('SELECT * FROM notes ORDER BY id').all()).toEqual(rows);
        expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    });
  }
});
