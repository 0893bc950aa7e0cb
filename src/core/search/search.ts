import type { SearchHit, SearchHitKind } from '../../shared/api';
import type { ReadableDB } from '../db/openDatabase';
import { idIn, type SqlCondition } from '../db/sql';
import { getPassagesById } from '../passages/passageViews';
import { parseQuery, type QueryFilter } from './parseQuery';
import type { QueryToken } from './searchKey';
import { filterCondition, isRowFilter, targetsFor, type SearchTarget } from './searchTargets';
import { makeSnippet } from './snippet';
import { toTextQuery, type TextQuery } from './textQuery';

/** A row of one kind, as its target finds it. */
interface FoundRow {
  id: number;
  sourceId: number | null;
  title: string;
  date: string;
}

/** A found row with the score that places it among the rows of every kind. */
interface ScoredRow extends FoundRow {
  kind: SearchHitKind;
  score: number;
}

/**
 * Searches sources, passages and notes at once (see parseQuery.ts for the query
 * language) and returns the best `limit` results, best first (see `scoreByRank`).
 * A query of filters alone lists what they select, newest first. Snippets are cut
 * only for the results returned.
 */
export function searchAll(db: ReadableDB, query: string, limit: number): SearchHit[] {
  const parsed = parseQuery(query);
  const text = toTextQuery(parsed);
  if (!text.match && !text.exclude && parsed.filters.length === 0) return [];

  // One snapshot, so the texts read for the hits are those of the rows found.
  return db.transaction(() => {
    const scored = targetsFor(parsed.filters).flatMap((target) =>
      scoreByRank(target.kind, findRows(db, target, text, parsed.filters, limit), text),
    );
    scored.sort((a, b) => b.score - a.score || b.date.localeCompare(a.date));
    return toHits(db, scored.slice(0, limit), text.phrases);
  })();
}

/** The rows of `target` that the query selects, best first (newest first without words). */
function findRows(
  db: ReadableDB,
  target: SearchTarget,
  text: TextQuery,
  filters: readonly QueryFilter[],
  limit: number,
): FoundRow[] {
  const conditions: SqlCondition[] = [{ sql: target.visible, params: [] }];
  if (text.match) {
    conditions.push({
      sql: `${target.fts}.rowid = ${target.id} AND ${target.fts} MATCH ?`,
      params: [text.match],
    });
  }
  if (text.exclude) {
    conditions.push({
      sql: `${target.id} NOT IN (SELECT rowid FROM ${target.fts} WHERE ${target.fts} MATCH ?)`,
      params: [text.exclude],
    });
  }
  conditions.push(...filters.filter(isRowFilter).map((filter) => filterCondition(target, filter)));

  const sql = `
    SELECT ${target.id} AS id, ${target.sourceId} AS sourceId, ${target.title} AS title,
           ${target.date} AS date
    FROM ${target.from}${text.match ? `, ${target.fts}` : ''}
    WHERE ${conditions.map((condition) => `(${condition.sql})`).join(' AND ')}
    ORDER BY ${text.match ? `${target.relevance} DESC, ` : ''}date DESC, id DESC
    LIMIT ?`;
  const params = conditions.flatMap((condition) => condition.params);
  return db.prepare(sql).all(...params, limit) as FoundRow[];
}

/**
 * Scores one kind's rows, given in bm25 order, so that the kinds can be merged.
 *
 * bm25 values from different FTS tables do not compare: each table has its own
 * IDF (its row count, how many rows hold a word), average length and column
 * weights, so a short passage outscores the article it was marked in. Scaling
 * each kind to its best hit would not fix it: a kind whose scores are flat (short
 * passages) would still crowd out the lower hits of the others. Only ranks
 * compare, so a hit scores 1 / its rank within its kind. This is reciprocal-rank
 * fusion; its constant k only matters for a result found in several lists, and
 * ours are disjoint. The best of each kind come first, then the second best of
 * each, and so on: every kind gets its share of the limit. Without words to rank
 * by, every row scores 0 and the newest come first.
 */
function scoreByRank(kind: SearchHitKind, rows: FoundRow[], text: TextQuery): ScoredRow[] {
  return rows.map((row, index) => ({ ...row, kind, score: text.match ? 1 / (index + 1) : 0 }));
}

const selectSourceTexts = `
  SELECT s.id, v.text FROM sources s JOIN source_versions v ON v.id = s.current_version_id`;
const selectNoteTexts = 'SELECT n.id, n.plain_text AS text FROM notes n';

/**
 * The hits for the rows shown. What they need beyond the row (the text a snippet
 * is cut from, a passage's backlinks) is read with one query per kind.
 */
function toHits(db: ReadableDB, rows: ScoredRow[], phrases: QueryToken[][]): SearchHit[] {
  const idsOf = (kind: SearchHitKind) =>
    rows.filter((row) => row.kind === kind).map((row) => row.id);
  const sourceTexts = readTexts(db, selectSourceTexts, 's.id', idsOf('source'));
  const passages = getPassagesById(db, idsOf('passage'));
  const noteTexts = readTexts(db, selectNoteTexts, 'n.id', idsOf('note'));

  const fields = (row: ScoredRow, text = '') => ({
    id: String(row.id),
    title: row.title,
    ...makeSnippet(text, phrases),
    score: row.score,
  });
  return rows.map((row): SearchHit => {
    switch (row.kind) {
      case 'source':
        return { kind: 'source', ...fields(row, sourceTexts.get(row.id)) };
      case 'passage': {
        const passage = passages.get(row.id);
        return {
          kind: 'passage',
          ...fields(row, passage?.exact),
          sourceId: String(row.sourceId),
          noteIds: passage?.noteIds ?? [],
        };
      }
      case 'note':
        return { kind: 'note', ...fields(row, noteTexts.get(row.id)) };
    }
  });
}

/** The `text` of each row of `select` (which reads `id` and `text`) whose `idColumn` is in `ids`. */
function readTexts(
  db: ReadableDB,
  select: string,
  idColumn: string,
  ids: readonly number[],
): Map<number, string> {
  if (ids.length === 0) return new Map();
  const wanted = idIn(idColumn, ids);
  const rows = db.prepare(`${select} WHERE ${wanted.sql}`).all(...wanted.params) as Array<{
    id: number;
    text: string;
  }>;
  return new Map(rows.map((row) => [row.id, row.text]));
}
