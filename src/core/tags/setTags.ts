import { DossierError } from '../../shared/errors';
import type { WritableDB } from '../db/openDatabase';
import { parseTagNames, tagNamesJsonSql, type TaggedKind } from './taggedKinds';

/**
 * Replaces an item's tags with `tags` (already normalised and deduplicated by the
 * contract) in one transaction, and returns them as stored, sorted ignoring case.
 * A tag that already exists under another case keeps its stored spelling: tags
 * are shared, so one item cannot rename them for the others.
 */
export function setTags(
  db: WritableDB,
  kind: TaggedKind,
  itemId: number,
  tags: readonly string[],
): { tags: string[] } {
  return db
    .transaction(() => {
      const exists = db.prepare(`SELECT 1 FROM ${kind.items} WHERE id = ?`).get(itemId);
      if (exists === undefined) {
        throw new DossierError('not_found', `No ${kind.noun} with id ${itemId}`);
      }
      db.prepare(`DELETE FROM ${kind.links} WHERE ${kind.itemColumn} = ?`).run(itemId);
      const insertTag = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT DO NOTHING');
      // `name` is COLLATE NOCASE, so this finds the tag whatever case it was typed in.
      const link = db.prepare(
        `INSERT OR IGNORE INTO ${kind.links} (${kind.itemColumn}, tag_id)
         SELECT ?, id FROM tags WHERE name = ?`,
      );
      for (const tag of tags) {
        insertTag.run(tag);
        link.run(itemId, tag);
      }
      deleteUnusedTags(db);
      const json = db
        .prepare(`SELECT ${tagNamesJsonSql(kind, '?')}`)
        .pluck()
        .get(itemId);
      return { tags: parseTagNames(json as string) };
    })
    .immediate();
}

/** A tag lives only as long as something carries it. */
function deleteUnusedTags(db: WritableDB): void {
  db.prepare(
    `DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM source_tags WHERE tag_id = tags.id)
                        AND NOT EXISTS (SELECT 1 FROM note_tags WHERE tag_id = tags.id)`,
  ).run();
}
