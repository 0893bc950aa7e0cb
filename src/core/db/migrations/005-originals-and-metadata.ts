import type { Migration } from './migration';

/**
 * Evidence and metadata for sources that are not plain text.
 *
 * `originals` keeps the bytes a version was made from (a saved page, a PDF, a
 * Word file), byte for byte, compressed when that pays; identical bytes are
 * stored once (`sha256` is unique), and a version points at its original. A
 * version fetched from the web also keeps the final URL it came from; its
 * `created_at` is when it was captured.
 *
 * On `sources`: the excerpt a document gives of itself, and an index on `url`
 * so that a page imported again from its canonical address becomes a new
 * version of the source that has it.
 *
 * Existing notebooks hold plain text only: no original was kept for them.
 */
export const migration005OriginalsAndMetadata: Migration = {
  version: 5,
  name: 'originals-and-metadata',
  up(db) {
    db.exec(`
      CREATE TABLE originals (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        byte_count INTEGER NOT NULL CHECK (byte_count >= 0),
        media_type TEXT NOT NULL,
        compression TEXT NOT NULL CHECK (compression IN ('none', 'deflate')),
        data BLOB NOT NULL
      );
      ALTER TABLE source_versions ADD COLUMN original_id INTEGER REFERENCES originals(id);
      ALTER TABLE source_versions ADD COLUMN url TEXT;
      CREATE INDEX source_versions_by_original ON source_versions (original_id);

      ALTER TABLE sources ADD COLUMN excerpt TEXT;
      CREATE INDEX sources_by_url ON sources (url);
    `);
  },
};
