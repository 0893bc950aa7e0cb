import { SEARCH_KEY_VERSION } from '../../search/searchKey';
import type { Migration } from './migration';

const ftsTables = ['sources_fts', 'passages_fts', 'notes_fts'];

/**
 * Remembers which search keys (SEARCH_KEY_VERSION) the FTS tables were built
 * with, so a Dossier whose folding has changed can tell the index is stale. The
 * one row's version is NULL while a rebuild is under way (src/core/search/reindex.ts).
 *
 * Notebooks at schema 1 were indexed with search keys version 1. An empty index
 * was built with nothing, so it is current whatever this Dossier's version is:
 * a new notebook never starts out stale.
 */
export const migration002SearchKeyVersion: Migration = {
  version: 2,
  name: 'search-key-version',
  up(db) {
    db.exec(`
      CREATE TABLE search_index_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        search_key_version INTEGER
      );
    `);
    const indexed = ftsTables.some((table) =>
      db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get(),
    );
    db.prepare('INSERT INTO search_index_state (id, search_key_version) VALUES (1, ?)').run(
      indexed ? 1 : SEARCH_KEY_VERSION,
    );
  },
};
