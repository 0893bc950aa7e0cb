import type { EmptiedTrash } from '../../shared/api';
import type { WritableDB } from '../db/openDatabase';
import { idIn } from '../db/sql';

/**
 * Deletes for good what is in the trash, in one transaction: the notes first,
 * then every source none of whose passages a note outside the trash still
 * cites. A cited source stays in the trash (a note's link must keep its
 * passage: a note whose link points nowhere could not be saved again); it goes
 * once those notes are deleted or their links removed.
 */
export function emptyTrash(db: WritableDB): EmptiedTrash {
  return db
    .transaction((): EmptiedTrash => {
      const notes = db.prepare('SELECT id FROM notes WHERE deleted_at IS NOT NULL').pluck();
      const noteIds = notes.all() as number[];
      // note_links, revisions, tags and collection entries go with the note (ON DELETE CASCADE).
      deleteWhereIdIn(db, 'notes', noteIds);

      const sources = db
        .prepare(
          `SELECT s.id, s.title,
                  (SELECT count(DISTINCT l.note_id) FROM passages p
                   JOIN note_links l ON l.passage_id = p.id WHERE p.source_id = s.id) AS citingNotes
           FROM sources s WHERE s.deleted_at IS NOT NULL ORDER BY s.id`,
        )
        .all() as Array<{ id: number; title: string; citingNotes: number }>;
      const purged = sources.filter((source) => source.citingNotes === 0).map(({ id }) => id);
      purgeSources(db, purged);

      return {
        deletedNotes: noteIds.length,
        deletedSources: purged.length,
        keptSources: sources
          .filter((source) => source.citingNotes > 0)
          .map(({ id, title, citingNotes }) => ({ id: String(id), title, citingNotes })),
      };
    })
    .immediate();
}

/** Sources with their versions, passages, search entries, and the originals no other version keeps. */
function purgeSources(db: WritableDB, sourceIds: readonly number[]): void {
  if (sourceIds.length === 0) return;
  const ofSources = idIn('source_id', sourceIds);
  const unindex = (fts: string, select: string) =>
    db.prepare(`DELETE FROM ${fts} WHERE rowid IN (${select} WHERE ${ofSources.sql})`);
  unindex('passages_fts', 'SELECT id FROM passages').run(...ofSources.params);
  unindex('old_versions_fts', 'SELECT id FROM source_versions').run(...ofSources.params);
  const ids = idIn('rowid', sourceIds);
  db.prepare(`DELETE FROM sources_fts WHERE ${ids.sql}`).run(...ids.params);

  const originals = db
    .prepare(`SELECT DISTINCT original_id FROM source_versions WHERE ${ofSources.sql}`)
    .pluck()
    .all(...ofSources.params) as Array<number | null>;
  // Passages and versions go with the source (ON DELETE CASCADE), in this order of need.
  db.prepare(`DELETE FROM passages WHERE ${ofSources.sql}`).run(...ofSources.params);
  deleteWhereIdIn(db, 'sources', sourceIds);
  const unused = originals.filter((id): id is number => id !== null);
  if (unused.length > 0) {
    const wanted = idIn('id', unused);
    db.prepare(
      `DELETE FROM originals WHERE ${wanted.sql}
       AND NOT EXISTS (SELECT 1 FROM source_versions v WHERE v.original_id = originals.id)`,
    ).run(...wanted.params);
  }
}

function deleteWhereIdIn(db: WritableDB, table: string, ids: readonly number[]): void {
  if (ids.length === 0) return;
  const wanted = idIn('id', ids);
  db.prepare(`DELETE FROM ${table} WHERE ${wanted.sql}`).run(...wanted.params);
}
