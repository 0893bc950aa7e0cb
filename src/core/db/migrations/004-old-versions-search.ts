import { searchKey } from '../../search/searchKey';
import type { Migration } from './migration';

/**
 * Makes a source's older versions searchable on request (`version:all`, see
 * src/core/search/parseQuery.ts): `old_versions_fts`, a contentless FTS5 table
 * like `sources_fts` whose rowid is a `source_versions` id and which indexes
 * every version that is not its source's current one, under the source's title
 * and the version's text.
 *
 * Existing notebooks' older versions are indexed here, with this Dossier's
 * search keys. A notebook whose index was built with other keys is already
 * reported stale (`search_index_state`), and its rebuild covers this table too.
 */
export const migration004OldVersionsSearch: Migration = {
  version: 4,
  name: 'old-versions-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE old_versions_fts USING fts5(
        title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
      );
    `);
    const insert = db.prepare('INSERT INTO old_versions_fts (rowid, title, body) VALUES (?, ?, ?)');
    // In batches, so that a notebook of long articles is never read into memory at once.
    const batch = db
      .prepare(
        `SELECT v.id, s.title, v.text
         FROM source_versions v JOIN sources s ON s.id = v.source_id
         WHERE v.id > ? AND v.id IS NOT s.current_version_id
         ORDER BY v.id LIMIT 200`,
      )
      .raw();
    for (let afterId = 0; ; ) {
      const rows = batch.all(afterId) as Array<[number, string, string]>;
      for (const [id, title, text] of rows) insert.run(id, searchKey(title), searchKey(text));
      const last = rows[rows.length - 1];
      if (!last) break;
      afterId = last[0];
    }
  },
};
