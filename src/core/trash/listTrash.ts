import type { TrashItem } from '../../shared/api';
import type { ReadableDB } from '../db/openDatabase';

/**
 * Sources and notes moved to the trash, newest deletion first. Restoring one
 * brings it back as it was: a source with its versions and passages, a note
 * with its text and links.
 */
export function listTrash(db: ReadableDB): TrashItem[] {
  return db
    .prepare(
      `SELECT kind, id, title, deletedAt FROM (
         SELECT 'source' AS kind, id, title, deleted_at AS deletedAt FROM sources
         WHERE deleted_at IS NOT NULL
         UNION ALL
         SELECT 'note', id, title, deleted_at FROM notes WHERE deleted_at IS NOT NULL)
       ORDER BY deletedAt DESC, kind, id DESC`,
    )
    .all()
    .map((row) => {
      const item = row as TrashItem & { id: number };
      return { ...item, id: String(item.id) };
    });
}
