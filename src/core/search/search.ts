import type { SearchHit } from '../../shared/api';
import type { ReadableDB } from '../db/openDatabase';
import { getPassage } from '../passages/passageViews';
import { parseQuery, type QueryFilter } from './parseQuery';
import {
  filterCondition,
  isRowFilter,
  targetsFor,
  type Condition,
  type SearchTarget,
} from './searchTargets';
import { makeSnippet } from './snippet';
import { toTextQuery, type TextQuery } from './textQuery';

interface ResultRow {
  id: number;
  sourceId: number | null;
  title: string;
  date: string;
  score: number;
}

/**
 * Searches sources, passages and notes at once (see parseQuery.ts for the query
 * language) and returns the best `limit` results, best first. A query of filters
 * alone lists what they select, newest first. Snippets are cut only for the
 * results returned.
 */
export function searchAll(db: ReadableDB, query: string, limit: number): SearchHit[] {
  const parsed = parseQuery(query);
  const text = toTextQuery(parsed);
  if (!text.match && !text.exclude && parsed.filters.length === 0) return [];

  const found = targetsFor(parsed.filters).flatMap((target) =>
    findRows(db, target, text, parsed.filters, limit).map((row) => ({ target, row })),
  );
  found.sort((a, b) => b.row.score - a.row.score || b.row.date.localeCompare(a.row.date));
  return found.slice(0, limit).map(({ target, row }) => toHit(db, target, row, text));
}

function findRows(
  db: ReadableDB,
  target: SearchTarget,
  text: TextQuery,
  filters: readonly QueryFilter[],
  limit: number,
): ResultRow[] {
  const conditions: Condition[] = [{ sql: target.visible, params: [] }];
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
           ${target.date} AS date, ${text.match ? target.score : '0'} AS score
    FROM ${target.from}${text.match ? `, ${target.fts}` : ''}
    WHERE ${conditions.map((condition) => `(${condition.sql})`).join(' AND ')}
    ORDER BY score DESC, date DESC, id DESC
    LIMIT ?`;
  const params = conditions.flatMap((condition) => condition.params);
  return db.prepare(sql).all(...params, limit) as ResultRow[];
}

function toHit(db: ReadableDB, target: SearchTarget, row: ResultRow, text: TextQuery): SearchHit {
  const body = db.prepare(target.snippetText).pluck().get(row.id) as string | undefined;
  return {
    kind: target.kind,
    id: String(row.id),
    ...(row.sourceId === null ? {} : { sourceId: String(row.sourceId) }),
    title: row.title,
    ...makeSnippet(body ?? '', text.phrases),
    score: row.score,
    // Results are passages, not just documents: say which notes quote them.
    ...(target.kind === 'passage' ? { noteIds: getPassage(db, row.id).noteIds } : {}),
  };
}
