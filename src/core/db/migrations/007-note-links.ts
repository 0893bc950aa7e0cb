import type { Migration } from './migration';

/**
 * Links from one note to another (`[[` in the editor), mirrored from the note
 * bodies as `note_links` mirrors their passage links: the source of each
 * note's "linked from" list. No body written before this schema holds such a
 * link, so the table starts empty. A link to a note deleted for good goes with
 * it; the body keeps the link, which then shows as broken.
 */
export const migration007NoteLinks: Migration = {
  version: 7,
  name: 'note-links',
  up(db) {
    db.exec(`
      CREATE TABLE note_to_note_links (
        from_note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        to_note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        PRIMARY KEY (from_note_id, to_note_id)
      ) WITHOUT ROWID;
      CREATE INDEX note_to_note_links_by_target ON note_to_note_links (to_note_id);
    `);
  },
};
