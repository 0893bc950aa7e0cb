import type { Migration } from './migration';

/**
 * What re-anchoring passages on a new version of a source needs to keep.
 *
 * On `source_versions`: how the version came in (`origin`: 'file' or 'paste'
 * today, free text so that later ways — a web page — need no table rebuild),
 * the name of the file it came from, and the revision report written when the
 * version was added (JSON of the contract's `RevisionReport`; NULL for a
 * source's first version, which re-anchored nothing).
 *
 * On `passages`, about the attachment to the current version (`anchor_*`):
 * its score (0–1), the candidate an orphan was not attached to
 * (`suggestion_*`, on the anchor version), when the analyst confirmed a fuzzy
 * attachment, and `original_exact`: the words the passage was first marked on,
 * kept when the analyst re-attaches it to other words (its selector is then
 * re-described on the current text).
 *
 * Every existing passage was marked on its source's only version: it is exact
 * there, with score 1.
 */
export const migration003SourceRevisions: Migration = {
  version: 3,
  name: 'source-revisions',
  up(db) {
    db.exec(`
      ALTER TABLE source_versions ADD COLUMN origin TEXT NOT NULL DEFAULT 'file';
      ALTER TABLE source_versions ADD COLUMN file_name TEXT;
      ALTER TABLE source_versions ADD COLUMN revision_report_json TEXT;

      ALTER TABLE passages ADD COLUMN anchor_score REAL NOT NULL DEFAULT 1
        CHECK (anchor_score >= 0 AND anchor_score <= 1);
      ALTER TABLE passages ADD COLUMN suggestion_start_utf16 INTEGER;
      ALTER TABLE passages ADD COLUMN suggestion_end_utf16 INTEGER;
      ALTER TABLE passages ADD COLUMN suggestion_score REAL
        CHECK (suggestion_score >= 0 AND suggestion_score <= 1);
      ALTER TABLE passages ADD COLUMN confirmed_at TEXT;
      ALTER TABLE passages ADD COLUMN original_exact TEXT;

      CREATE INDEX passages_by_version ON passages (version_id);
    `);
    // A first version came from the file the source names, else it was pasted.
    db.exec(`
      UPDATE source_versions SET
        origin = CASE WHEN s.original_file_name IS NULL THEN 'paste' ELSE 'file' END,
        file_name = s.original_file_name
      FROM sources s WHERE s.id = source_versions.source_id;
    `);
    db.exec(`
      UPDATE passages SET
        status = 'exact',
        anchor_score = 1,
        anchor_version_id = coalesce(anchor_version_id, version_id),
        anchor_start_utf16 = coalesce(anchor_start_utf16, start_utf16),
        anchor_end_utf16 = coalesce(anchor_end_utf16, end_utf16);
    `);
  },
};
