import { BULK_INDEX_BUFFER_BYTES } from './009-bulk-index-buffer';
import type { Migration } from './migration';

/** The FTS tables whose second column, the body, holds nearly all of their words. */
const bodyLastTables = ['sources_fts', 'old_versions_fts', 'notes_fts'];

/**
 * Puts the body before the title in the FTS tables of titled texts. FTS5
 * writes a word's positions in column 0 bare and those in any other column
 * after a column marker: two bytes more for each article a word is in. With
 * the body first, almost every entry goes without one and the index of a
 * library of articles is a quarter smaller (154 → ~114 MB for 100,000 of them).
 *
 * FTS5 cannot reorder columns in place: the tables are made anew, empty, and
 * a notebook that held anything is marked as being re-indexed
 * (`search_index_state`), so the writer rebuilds the index in the background
 * when it opens (src/coreProcess/serveCore.ts); from the CLI, `dossier search`
 * rebuilds it first, and `dossier reindex` on demand.
 *
 * The other options keep FTS5's defaults, measured over 30,000 of the bench's
 * articles: `detail=column` (22.6 MB instead of 33.0) or `detail=none` (9.4)
 * would refuse phrase queries (a Chinese word is a phrase of pairs) and make
 * bm25 0 for every row; `columnsize=0` makes bm25 about 2.7 times faster on a
 * common word but leaves bm25 without the texts' lengths (a contentless table
 * has nothing to count them from), so a long text full of a word would
 * outrank the short one about it.
 */
export const migration010BodyFirstIndex: Migration = {
  version: 10,
  name: 'body-first-index',
  up(db) {
    const indexed = bodyLastTables.some((table) =>
      db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get(),
    );
    for (const table of bodyLastTables) {
      db.exec(`
        DROP TABLE ${table};
        CREATE VIRTUAL TABLE ${table} USING fts5(
          body, title, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
        );
      `);
    }
    db.exec(
      `INSERT INTO sources_fts (sources_fts, rank) VALUES ('hashsize', ${BULK_INDEX_BUFFER_BYTES})`,
    );
    if (indexed) db.exec('UPDATE search_index_state SET search_key_version = NULL');
  },
};
