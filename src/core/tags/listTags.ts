import type { TagSummary } from '../../shared/api';
import type { ReadableDB } from '../db/openDatabase';

/** Every tag something visible carries (nothing in the trash counts), sorted ignoring case. */
export function listTags(db: ReadableDB): TagSummary[] {
  return db
    .prepare(
      `SELECT name, source_count AS sourceCount, note_count AS noteCount FROM (
         SELECT t.name,
                (SELECT count(*) FROM source_tags st JOIN sources s ON s.id = st.source_id
                 WHERE st.tag_id = t.id AND s.deleted_at IS NULL) AS source_count,
                (SELECT count(*) FROM note_tags nt JOIN notes n ON n.id = nt.note_id
                 WHERE nt.tag_id = t.id AND n.deleted_at IS NULL) AS note_count
         FROM tags t)
       WHERE source_count + note_count > 0
       ORDER BY name COLLATE NOCASE, name`,
    )
    .all() as TagSummary[];
}
