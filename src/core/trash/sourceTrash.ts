import { DossierError } from '../../shared/errors';
import type { ReadableDB, WritableDB } from '../db/openDatabase';
import { timestamp } from '../db/timestamp';

/**
 * Moves a source to the trash: it leaves the library and search, and its
 * passages stay for the notes that cite them (their links say the source is
 * in the trash). Nothing is deleted until the trash is emptied.
 */
export function deleteSource(db: WritableDB, sourceId: number): void {
  db.transaction(() => {
    if (trashedAt(db, sourceId) !== null) return;
    db.prepare('UPDATE sources SET deleted_at = ? WHERE id = ?').run(timestamp(), sourceId);
  }).immediate();
}

export function restoreSource(db: WritableDB, sourceId: number): void {
  db.transaction(() => {
    if (trashedAt(db, sourceId) === null) return;
    takeOutOfTrash(db, sourceId);
  }).immediate();
}

/**
 * Brings a source back from the trash, inside the caller's transaction: an
 * import that lands on a trashed source (the same text, the same address)
 * means the analyst wants it again.
 */
export function takeOutOfTrash(db: WritableDB, sourceId: number): void {
  db.prepare('UPDATE sources SET deleted_at = NULL WHERE id = ?').run(sourceId);
}

/** When the source went to the trash, or null when it is not there; not_found when it does not exist. */
function trashedAt(db: ReadableDB, sourceId: number): string | null {
  const row = db.prepare('SELECT deleted_at FROM sources WHERE id = ?').get(sourceId) as
    | { deleted_at: string | null }
    | undefined;
  if (!row) throw new DossierError('not_found', `No source with id ${sourceId}`);
  return row.deleted_at;
}
