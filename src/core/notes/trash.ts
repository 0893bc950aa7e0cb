import type { TrashItem } from '../../shared/api';
import type { ReadableDB } from '../db/openDatabase';

interface TrashedNoteRow {
  id: number;
  title: string;
  deleted_at: string;
}

/** Notes moved to the trash, newest deletion first; restoring one brings back its text and links. */
export function listTrash(db: ReadableDB): TrashItem[] {
  const rows = db
    .prepare(
      `SELECT id, title, deleted_at FROM notes
       WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC`,
    )
    .all() as TrashedNoteRow[];
  return rows.map((row) => ({
    kind: 'note',
    id: String(row.id),
    title: row.title,
    deletedAt: row.deleted_at,
  }));
}
