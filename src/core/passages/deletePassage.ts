import { DossierError } from '../../shared/errors';
import { plural, truncate } from '../../shared/text';
import type { WritableDB } from '../db/openDatabase';
import { unindexPassage } from '../search/searchIndex';

/** Deletes a passage no note links to; a note's link is never left dangling. */
export function deletePassage(db: WritableDB, passageId: number): void {
  db.transaction(() => {
    const links = db
      .prepare(
        `SELECT count(*) AS total, count(n.deleted_at) AS trashed,
                (SELECT exact FROM passages WHERE id = ?) AS exact
         FROM note_links l JOIN notes n ON n.id = l.note_id WHERE l.passage_id = ?`,
      )
      .get(passageId, passageId) as { total: number; trashed: number; exact: string | null };
    if (links.total > 0) {
      const inTrash = links.trashed > 0 ? ` (${links.trashed} of them in the trash)` : '';
      throw new DossierError(
        'conflict',
        `The passage ${quoteForMessage(links.exact ?? '')} is linked from ${plural(links.total, 'note')}${inTrash}; remove those links first.`,
      );
    }
    const deleted = db.prepare('DELETE FROM passages WHERE id = ?').run(passageId).changes;
    if (deleted === 0) throw new DossierError('not_found', `No passage with id ${passageId}`);
    unindexPassage(db, passageId);
  }).immediate();
}

/** The quote as the analyst saw it, shortened for a one-line message. */
function quoteForMessage(exact: string): string {
  return `“${truncate(exact.replace(/\s+/g, ' ').trim(), 60)}”`;
}
