import type { Migration } from './migration';

/**
 * The first schema: sources and their immutable versions, passages, notes with
 * their links and revisions, tags, and contentless FTS5 indexes whose rowids are
 * the ids of the rows they index. Indexed text is folded by the core
 * (src/core/search/searchKey.ts) before it reaches FTS5, so that Arabic, Persian,
 * Hebrew and CJK text match the same way queries are folded.
 */
export const migration001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(initialSchema);
  },
};

// Kept byte for byte as shipped: SQLite stores this text in sqlite_schema.
const initialSchema = `
    CREATE TABLE sources (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      kind TEXT NOT NULL DEFAULT 'text',
      byline TEXT,
      site TEXT,
      url TEXT,
      published_at TEXT,
      captured_at TEXT NOT NULL,
      lang TEXT,
      dir TEXT,
      original_file_name TEXT,
      current_version_id INTEGER REFERENCES source_versions(id) DEFERRABLE INITIALLY DEFERRED
    );

    -- Each import of a source adds a version; a version is never rewritten.
    CREATE TABLE source_versions (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      version_number INTEGER NOT NULL,
      text TEXT NOT NULL,
      blocks_json TEXT NOT NULL,
      content_sha256 TEXT NOT NULL,
      extractor TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (source_id, version_number)
    );
    CREATE INDEX source_versions_by_hash ON source_versions (content_sha256);

    -- Offsets are UTF-16 code units. start/end locate the passage in the version
    -- it was made on; anchor_* locate it in the source's current version.
    CREATE TABLE passages (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      version_id INTEGER NOT NULL REFERENCES source_versions(id),
      exact TEXT NOT NULL,
      prefix TEXT NOT NULL,
      suffix TEXT NOT NULL,
      start_utf16 INTEGER NOT NULL,
      end_utf16 INTEGER NOT NULL,
      anchor_version_id INTEGER REFERENCES source_versions(id),
      anchor_start_utf16 INTEGER,
      anchor_end_utf16 INTEGER,
      status TEXT NOT NULL DEFAULT 'exact'
        CHECK (status IN ('exact', 'moved', 'fuzzy', 'orphaned')),
      color TEXT NOT NULL DEFAULT 'yellow',
      label TEXT,
      created_at TEXT NOT NULL,
      CHECK (end_utf16 > start_utf16 AND start_utf16 >= 0)
    );
    CREATE INDEX passages_by_source ON passages (source_id, start_utf16);

    CREATE TABLE notes (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      body_json TEXT NOT NULL,
      plain_text TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );

    -- Derived from the note body's passage-link nodes on every save (backlinks).
    CREATE TABLE note_links (
      note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
      passage_id INTEGER NOT NULL REFERENCES passages(id),
      PRIMARY KEY (note_id, passage_id)
    ) WITHOUT ROWID;
    CREATE INDEX note_links_by_passage ON note_links (passage_id);

    -- Earlier bodies of a note, so an edit can always be taken back.
    CREATE TABLE note_revisions (
      id INTEGER PRIMARY KEY,
      note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      body_json TEXT NOT NULL,
      saved_at TEXT NOT NULL
    );
    CREATE INDEX note_revisions_by_note ON note_revisions (note_id, id);

    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    );
    CREATE TABLE source_tags (
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (source_id, tag_id)
    ) WITHOUT ROWID;
    CREATE TABLE note_tags (
      note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (note_id, tag_id)
    ) WITHOUT ROWID;

    CREATE VIRTUAL TABLE sources_fts USING fts5(
      title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE passages_fts USING fts5(
      exact, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE notes_fts USING fts5(
      title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
    );
  `;
