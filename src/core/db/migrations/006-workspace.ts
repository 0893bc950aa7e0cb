import { searchKey } from '../../search/searchKey';
import type { Migration } from './migration';

/**
 * What the analyst organises the notebook with.
 *
 * - `sources.deleted_at`: a source moved to the trash (hidden from the library
 *   and search; its passages stay for the notes that cite them until the trash
 *   is emptied), as notes already have.
 * - `passages.comment`: the analyst's comment on a passage. It is searched:
 *   `passages_fts` is rebuilt with a second column for it, and every existing
 *   passage is indexed again with this Dossier's search keys (a notebook whose
 *   index was built with other keys is already reported stale, and its rebuild
 *   covers this table too). `passages.color` has existed since the first schema.
 * - `highlight_colors`: the names the analyst gives the highlight colours
 *   ("claim", "evidence", …).
 * - `collections`: folders of sources and notes; an item may be in several.
 */
export const migration006Workspace: Migration = {
  version: 6,
  name: 'workspace',
  up(db) {
    db.exec(`
      ALTER TABLE sources ADD COLUMN deleted_at TEXT;
      ALTER TABLE passages ADD COLUMN comment TEXT;

      CREATE TABLE highlight_colors (
        color TEXT PRIMARY KEY,
        label TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE collections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE collection_sources (
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        PRIMARY KEY (collection_id, source_id)
      ) WITHOUT ROWID;
      CREATE INDEX collection_sources_by_source ON collection_sources (source_id);
      CREATE TABLE collection_notes (
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        PRIMARY KEY (collection_id, note_id)
      ) WITHOUT ROWID;
      CREATE INDEX collection_notes_by_note ON collection_notes (note_id);

      DROP TABLE passages_fts;
      CREATE VIRTUAL TABLE passages_fts USING fts5(
        exact, comment, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
      );
    `);
    // Passages are short: a notebook's worth is read at once (a statement still
    // reading cannot share its connection with the inserts).
    const insert = db.prepare('INSERT INTO passages_fts (rowid, exact, comment) VALUES (?, ?, ?)');
    const passages = db.prepare('SELECT id, exact FROM passages').raw().all();
    for (const [id, exact] of passages as Array<[number, string]>) {
      insert.run(id, searchKey(exact), '');
    }
  },
};
