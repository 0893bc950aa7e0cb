/**
 * Rebuilding the FTS tables (Joplin's rebuildIndex), for a notebook indexed with
 * other search keys than this Dossier's (SEARCH_KEY_VERSION) or a damaged index.
 * The notebook records in `search_index_state` the search-key version its index
 * was built with; NULL means a rebuild began and has not finished.
 */
import { whenWritable } from '../db/whenWritable';
import { yieldToHost } from '../operations';
import type { ReadableDB, WritableDB } from '../db/openDatabase';
import { SEARCH_KEY_VERSION, searchKey } from './searchKey';
import {
  decodeText,
  STORED_TEXT_COLUMNS,
  STORED_TEXT_JOIN,
  type StoredTextRow,
} from '../versions/versionQueries';

/** The search-key version the index was built with; null while a rebuild is unfinished. */
export function readSearchKeyVersion(db: ReadableDB): number | null {
  return db.prepare('SELECT search_key_version FROM search_index_state').pluck().get() as
    | number
    | null;
}

export function isSearchIndexStale(db: ReadableDB): boolean {
  return readSearchKeyVersion(db) !== SEARCH_KEY_VERSION;
}

export interface RebuildOptions {
  /** Stops the rebuild between batches; it then throws a `cancelled` DossierError. */
  signal?: AbortSignal;
  /**
   * Called after each batch with the rows indexed so far and the rows there were
   * to index at the start (rows deleted meanwhile are skipped: done may end short).
   */
  onProgress?: (done: number, total: number) => void;
  /** Rows per transaction. */
  batchSize?: number;
  /** The search key to index with; tests pass another version's keys. */
  key?: (text: string) => string;
}

/**
 * How many rows of each kind the rebuild indexed. A source's older versions are
 * indexed too (and in the progress), but not counted here.
 */
export interface RebuildCounts {
  sources: number;
  passages: number;
  notes: number;
}

type IndexedRow = Record<string, unknown> & { indexed_id: number };

/** A source's (or older version's) title and its version's text. */
function titleAndText(row: IndexedRow): string[] {
  return [row.title as string, decodeText(row as IndexedRow & StoredTextRow)];
}

/**
 * What the index holds, the same rows searchIndex.ts's callers index: a source
 * under its title and current text, each of its older versions under its title
 * and that version's text, a passage under its quote and comment, a note not in the
 * trash under its title and plain text. `texts` are what is selected for the FTS
 * table's `columns`, and `decode` makes them the texts to key, in the same order.
 */
const indexedKinds = [
  {
    kind: 'sources',
    fts: 'sources_fts',
    columns: ['title', 'body'],
    from: `sources s JOIN source_versions v ON v.id = s.current_version_id ${STORED_TEXT_JOIN}`,
    id: 's.id',
    texts: `s.title, ${STORED_TEXT_COLUMNS}`,
    where: 'TRUE',
    decode: titleAndText,
  },
  {
    kind: undefined,
    fts: 'old_versions_fts',
    columns: ['title', 'body'],
    from: `source_versions v JOIN sources s ON s.id = v.source_id ${STORED_TEXT_JOIN}`,
    id: 'v.id',
    texts: `s.title, ${STORED_TEXT_COLUMNS}`,
    where: 'v.id IS NOT s.current_version_id',
    decode: titleAndText,
  },
  {
    kind: 'passages',
    fts: 'passages_fts',
    columns: ['exact', 'comment'],
    from: 'passages',
    id: 'id',
    texts: "exact, COALESCE(comment, '') AS comment",
    where: 'TRUE',
    decode: (row) => [row.exact as string, row.comment as string],
  },
  {
    kind: 'notes',
    fts: 'notes_fts',
    columns: ['title', 'body'],
    from: 'notes',
    id: 'id',
    texts: 'title, plain_text',
    where: 'deleted_at IS NULL',
    decode: (row) => [row.title as string, row.plain_text as string],
  },
] as const satisfies ReadonlyArray<
  { kind: keyof RebuildCounts | undefined; decode: (row: IndexedRow) => string[] } & Record<
    string,
    unknown
  >
>;

type IndexedKind = (typeof indexedKinds)[number];

/** Small enough that each write lock is brief; a batch of long articles still takes a while. */
const DEFAULT_BATCH_SIZE = 200;

/**
 * Rebuilds sources_fts, old_versions_fts, passages_fts and notes_fts in place. The tables are
 * emptied first, then filled in batches, each its own short IMMEDIATE
 * transaction, yielding to the event loop in between so the host can answer
 * other calls and hear a cancel. Writes in between stay correct: each batch
 * re-reads its rows and replaces their FTS rows, and rows created after the
 * start are left to the writes that index them anyway.
 *
 * The version is marked unfinished at the start and set to SEARCH_KEY_VERSION
 * only at the end, so an interrupted rebuild is reported stale and done again.
 */
const STOPPED =
  'Rebuilding the search index was stopped. Search may miss some results until the index is rebuilt.';

export async function rebuildSearchIndex(
  db: WritableDB,
  options: RebuildOptions = {},
): Promise<RebuildCounts> {
  const { signal, onProgress, batchSize = DEFAULT_BATCH_SIZE, key = searchKey } = options;
  const stopping = { signal, cancelled: STOPPED };
  const plan = await whenWritable(
    db,
    () => {
      db.prepare('UPDATE search_index_state SET search_key_version = NULL').run();
      return indexedKinds.map((indexed) => {
        db.prepare(`INSERT INTO ${indexed.fts}(${indexed.fts}) VALUES ('delete-all')`).run();
        const range = db
          .prepare(
            `SELECT count(*) AS count, max(${indexed.id}) AS lastId
             FROM ${indexed.from} WHERE ${indexed.where}`,
          )
          .get() as { count: number; lastId: number | null };
        return { indexed, ...range };
      });
    },
    stopping,
  );

  const total = plan.reduce((sum, { count }) => sum + count, 0);
  const counts: RebuildCounts = { sources: 0, passages: 0, notes: 0 };
  let done = 0;
  for (const { indexed, lastId } of plan) {
    let afterId = 0;
    while (lastId !== null && afterId < lastId) {
      await yieldToHost();
      const batch = await whenWritable(
        db,
        () => indexBatch(db, indexed, afterId, lastId, batchSize, key),
        stopping,
      );
      afterId = batch.lastId ?? lastId;
      if (indexed.kind) counts[indexed.kind] += batch.rows;
      done += batch.rows;
      onProgress?.(done, total);
    }
  }

  await whenWritable(
    db,
    () => {
      for (const { fts } of indexedKinds) {
        db.prepare(`INSERT INTO ${fts}(${fts}) VALUES ('optimize')`).run();
      }
      db.prepare('UPDATE search_index_state SET search_key_version = ?').run(SEARCH_KEY_VERSION);
    },
    stopping,
  );
  return counts;
}

/** Indexes the rows with ids in (afterId, lastId], up to `limit` of them. */
function indexBatch(
  db: WritableDB,
  indexed: IndexedKind,
  afterId: number,
  lastId: number,
  limit: number,
  key: (text: string) => string,
): { rows: number; lastId: number | undefined } {
  const rows = db
    .prepare(
      `SELECT ${indexed.id} AS indexed_id, ${indexed.texts} FROM ${indexed.from}
       WHERE ${indexed.where} AND ${indexed.id} > ? AND ${indexed.id} <= ?
       ORDER BY ${indexed.id} LIMIT ?`,
    )
    .all(afterId, lastId, limit) as IndexedRow[];
  const insert = db.prepare(
    `INSERT OR REPLACE INTO ${indexed.fts} (rowid, ${indexed.columns.join(', ')})
     VALUES (?, ${indexed.columns.map(() => '?').join(', ')})`,
  );
  for (const row of rows) insert.run(row.indexed_id, ...indexed.decode(row).map(key));
  return { rows: rows.length, lastId: rows[rows.length - 1]?.indexed_id };
}
