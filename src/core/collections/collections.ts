/**
 * Collections: named folders of sources and notes. An item may be in several;
 * deleting a collection deletes only the collection.
 */
import type { CollectionSummary, ValidArgs } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import type { ReadableDB, WritableDB } from '../db/openDatabase';
import { idIn } from '../db/sql';
import { timestamp } from '../db/timestamp';

const SELECT_COLLECTION = `
  SELECT c.id, c.name,
         (SELECT count(*) FROM collection_sources cs JOIN sources s ON s.id = cs.source_id
          WHERE cs.collection_id = c.id AND s.deleted_at IS NULL) AS sourceCount,
         (SELECT count(*) FROM collection_notes cn JOIN notes n ON n.id = cn.note_id
          WHERE cn.collection_id = c.id AND n.deleted_at IS NULL) AS noteCount
  FROM collections c`;

type CollectionRow = Omit<CollectionSummary, 'id'> & { id: number };

/** Every collection, sorted by name ignoring case. */
export function listCollections(db: ReadableDB): CollectionSummary[] {
  const rows = db
    .prepare(`${SELECT_COLLECTION} ORDER BY c.name COLLATE NOCASE, c.id`)
    .all() as CollectionRow[];
  return rows.map(toSummary);
}

export function createCollection(db: WritableDB, name: string): CollectionSummary {
  return db
    .transaction(() => {
      refuseTakenName(db, name, null);
      const { lastInsertRowid } = db
        .prepare('INSERT INTO collections (name, created_at) VALUES (?, ?)')
        .run(name, timestamp());
      return readCollection(db, Number(lastInsertRowid));
    })
    .immediate();
}

export function renameCollection(
  db: WritableDB,
  collectionId: number,
  name: string,
): CollectionSummary {
  return db
    .transaction(() => {
      readCollection(db, collectionId);
      refuseTakenName(db, name, collectionId);
      db.prepare('UPDATE collections SET name = ? WHERE id = ?').run(name, collectionId);
      return readCollection(db, collectionId);
    })
    .immediate();
}

export function deleteCollection(db: WritableDB, collectionId: number): void {
  const { changes } = db.prepare('DELETE FROM collections WHERE id = ?').run(collectionId);
  if (changes === 0) throw new DossierError('not_found', `No collection with id ${collectionId}`);
}

type CollectionItems = ValidArgs<'addToCollection'>;

/** Puts sources and notes in a collection; those already in it stay once. */
export function addToCollection(db: WritableDB, items: CollectionItems): CollectionSummary {
  return changeMembers(db, items, (table, column, ids) => {
    db.prepare(
      `INSERT OR IGNORE INTO ${table} (collection_id, ${column})
       SELECT ?, value FROM json_each(?)`,
    ).run(Number(items.collectionId), JSON.stringify(ids));
  });
}

export function removeFromCollection(db: WritableDB, items: CollectionItems): CollectionSummary {
  return changeMembers(db, items, (table, column, ids) => {
    const wanted = idIn(column, ids);
    db.prepare(`DELETE FROM ${table} WHERE collection_id = ? AND ${wanted.sql}`).run(
      Number(items.collectionId),
      ...wanted.params,
    );
  });
}

type MemberChange = (table: string, column: string, ids: number[]) => void;

/** Checks that the collection and every item exist, then applies `change` to sources and notes. */
function changeMembers(
  db: WritableDB,
  { collectionId, sourceIds = [], noteIds = [] }: CollectionItems,
  change: MemberChange,
): CollectionSummary {
  return db
    .transaction(() => {
      readCollection(db, Number(collectionId));
      const sources = sourceIds.map(Number);
      const notes = noteIds.map(Number);
      refuseMissing(db, 'sources', 'source', sources);
      refuseMissing(db, 'notes', 'note', notes);
      if (sources.length > 0) change('collection_sources', 'source_id', sources);
      if (notes.length > 0) change('collection_notes', 'note_id', notes);
      return readCollection(db, Number(collectionId));
    })
    .immediate();
}

function refuseMissing(db: ReadableDB, table: string, noun: string, ids: number[]): void {
  if (ids.length === 0) return;
  const missing = db
    .prepare(`SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM ${table})`)
    .pluck()
    .get(JSON.stringify(ids)) as number | undefined;
  if (missing !== undefined) throw new DossierError('not_found', `No ${noun} with id ${missing}`);
}

function refuseTakenName(db: ReadableDB, name: string, exceptId: number | null): void {
  const taken = db
    .prepare('SELECT id FROM collections WHERE name = ? AND id IS NOT ?')
    .pluck()
    .get(name, exceptId);
  if (taken !== undefined) {
    throw new DossierError('conflict', `A collection named “${name}” already exists.`);
  }
}

function readCollection(db: ReadableDB, collectionId: number): CollectionSummary {
  const row = db.prepare(`${SELECT_COLLECTION} WHERE c.id = ?`).get(collectionId) as
    | CollectionRow
    | undefined;
  if (!row) throw new DossierError('not_found', `No collection with id ${collectionId}`);
  return toSummary(row);
}

function toSummary(row: CollectionRow): CollectionSummary {
  return { ...row, id: String(row.id) };
}

/** A scalar subquery: the JSON array of the ids of the collections `itemIdSql` is in. */
export function collectionIdsJsonSql(table: string, column: string, itemIdSql: string): string {
  return `(SELECT json_group_array(collection_id) FROM (
            SELECT collection_id FROM ${table} WHERE ${column} = ${itemIdSql} ORDER BY collection_id))`;
}

export function parseCollectionIds(json: string): string[] {
  return (JSON.parse(json) as number[]).map(String);
}
