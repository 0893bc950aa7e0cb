import type { PassageView, SearchHit, SearchHitKind } from '../../shared/api';
import { defaultHighlightColor } from '../../shared/passages';
import type { ReadableDB } from '../db/openDatabase';
import { idIn, type SqlCondition } from '../db/sql';
import { getPassagesById } from '../passages/passageViews';
import { readVersionTexts } from '../versions/versionQueries';
import { parseQuery, searchesAllVersions, type QueryFilter } from './parseQuery';
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
  /** A source hit's version, whose text the snippet is cut from. */
  versionId: number | null;
  /** Its number, for an older version of a source only. */
  versionNumber: number | null;
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

/**
 * The rows of `target` that the query selects, best first (newest first without
 * words). With `version:all`, a source is also found in its older versions, ranked
 * with the current ones by bm25; a source found in several versions is one hit, in
 * its current version if that matches, else in the latest older one that does.
 */
function findRows(
  db: ReadableDB,
  target: SearchTarget,
  text: TextQuery,
  filters: readonly QueryFilter[],
  limit: number,
): FoundRow[] {
  const allVersions = target.older !== undefined && searchesAllVersions(filters);
  if (text.match && !allVersions && !filters.some(isRowFilter)) {
    // FTS5 applies an exclusion itself, and its NOT leaves bm25 as the words alone give it.
    const match = text.exclude ? `(${text.match}) NOT ${text.exclude}` : text.match;
    return findBestRows(db, target, match, limit);
  }
  const order = 'ORDER BY relevance DESC, date DESC, id DESC LIMIT ?';
  const current = selectRows(target, text, filters);
  if (!target.older || !allVersions) {
    return db.prepare(`${current.sql} ${order}`).all(...current.params, limit) as FoundRow[];
  }
  const older = selectRows(target.older, text, filters);
  const sql = `
    SELECT id, sourceId, title, date, versionId, versionNumber FROM (
      SELECT *, row_number() OVER (
        PARTITION BY id ORDER BY versionNumber IS NULL DESC, versionNumber DESC
      ) AS nth
      FROM (${current.sql} UNION ALL ${older.sql})
    )
    WHERE nth = 1
    ${order}`;
  return db.prepare(sql).all(...current.params, ...older.params, limit) as FoundRow[];
}

/** A row of FTS5's best matches, joined to what it is. */
interface RankedRow extends FoundRow {
  relevance: number;
  /** Whether it may be shown (see `SearchTarget.visible`). */
  shown: 0 | 1;
}

/**
 * The best `limit` rows for words alone (no filter), as `selectRows`
 * would order them, without joining every match to its row: FTS5 ranks its
 * matches alone and only the best `window` of them are joined. No match outside
 * the window ranks above the window's last, so the visible rows found are the best
 * when there are `limit` of them and the last one shown ranks strictly above it (on
 * a tie, a match outside could come first by date). Otherwise, as when the best
 * matches are in the trash, the window doubles until FTS5 has no more (fewer rows
 * than the window: every FTS row has its row, as they are written and removed together).
 */
function findBestRows(
  db: ReadableDB,
  target: SearchTarget,
  match: string,
  limit: number,
): FoundRow[] {
  if (limit < 1) return [];
  // Unnamed, so the plan reads the window's rows as a subquery's, not a table's.
  const sql = `
    SELECT ${target.id} AS id, ${target.sourceId} AS sourceId, ${target.title} AS title,
           ${target.date} AS date, ${target.versionId} AS versionId,
           ${target.versionNumber} AS versionNumber, relevance, (${target.visible}) AS shown
    FROM (
      SELECT rowid AS ftsRowid, ${target.relevance} AS relevance FROM ${target.fts}
      WHERE ${target.fts} MATCH ? ORDER BY relevance DESC LIMIT ?
    ), ${target.from}
    WHERE ${target.ftsRowid} = ftsRowid
    ORDER BY relevance DESC, date DESC, id DESC`;
  for (let window = 2 * limit; ; window *= 2) {
    const rows = db.prepare(sql).all(match, window) as RankedRow[];
    const shown = rows.filter((row) => row.shown).slice(0, limit);
    const lastShown = shown[limit - 1];
    const lastInWindow = rows[rows.length - 1];
    const exhausted = rows.length < window;
    if (exhausted || (lastShown && lastInWindow && lastShown.relevance > lastInWindow.relevance)) {
      return shown.map(({ relevance: _relevance, shown: _shown, ...row }) => row);
    }
  }
}

/** The SELECT of the rows of `target` that the query selects, with their `relevance`. */
function selectRows(
  target: SearchTarget,
  text: TextQuery,
  filters: readonly QueryFilter[],
): SqlCondition {
  const conditions: SqlCondition[] = [{ sql: target.visible, params: [] }];
  if (text.match) {
    conditions.push({
      sql: `${target.fts}.rowid = ${target.ftsRowid} AND ${target.fts} MATCH ?`,
      params: [text.match],
    });
  }
  if (text.exclude) {
    conditions.push({
      sql: `${target.ftsRowid} NOT IN (SELECT rowid FROM ${target.fts} WHERE ${target.fts} MATCH ?)`,
      params: [text.exclude],
    });
  }
  conditions.push(...filters.filter(isRowFilter).map((filter) => filterCondition(target, filter)));

  const sql = `
    SELECT ${target.id} AS id, ${target.sourceId} AS sourceId, ${target.title} AS title,
           ${target.date} AS date, ${target.versionId} AS versionId,
           ${target.versionNumber} AS versionNumber,
           ${text.match ? target.relevance : '0'} AS relevance
    FROM ${target.from}${text.match ? `, ${target.fts}` : ''}
    WHERE ${conditions.map((condition) => `(${condition.sql})`).join(' AND ')}`;
  return { sql, params: conditions.flatMap((condition) => condition.params) };
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

const selectNoteTexts = 'SELECT n.id, n.plain_text AS text FROM notes n';

/**
 * The hits for the rows shown. What they need beyond the row (the text a snippet
 * is cut from: a source's from the version found; a passage's backlinks) is read
 * with one query per kind.
 */
function toHits(db: ReadableDB, rows: ScoredRow[], phrases: QueryToken[][]): SearchHit[] {
  const idsOf = (kind: SearchHitKind) =>
    rows.filter((row) => row.kind === kind).map((row) => row.id);
  const versionIds = rows.flatMap((row) =>
    row.kind === 'source' && row.versionId !== null ? [row.versionId] : [],
  );
  const versionTexts = readVersionTexts(db, versionIds);
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
      case 'source': {
        const hit = {
          kind: 'source' as const,
          ...fields(row, textOf(versionTexts, row.versionId)),
        };
        return row.versionNumber === null ? hit : { ...hit, versionNumber: row.versionNumber };
      }
      case 'passage': {
        const passage = passages.get(row.id);
        return {
          kind: 'passage',
          ...fields(row, passageText(passage, phrases)),
          sourceId: String(row.sourceId),
          noteIds: passage?.noteIds ?? [],
          color: passage?.color ?? defaultHighlightColor,
          comment: passage?.comment ?? null,
        };
      }
      case 'note':
        return { kind: 'note', ...fields(row, noteTexts.get(row.id)) };
    }
  });
}

/**
 * What a passage hit's snippet is cut from: its quote, unless only the analyst's
 * comment holds the words searched for.
 */
function passageText(passage: PassageView | undefined, phrases: QueryToken[][]): string {
  if (!passage) return '';
  if (passage.comment === null) return passage.exact;
  const inQuote = makeSnippet(passage.exact, phrases).highlights.length > 0;
  const inComment = makeSnippet(passage.comment, phrases).highlights.length > 0;
  return inComment && !inQuote ? passage.comment : passage.exact;
}

function textOf(texts: Map<number, string>, id: number | null): string | undefined {
  return id === null ? undefined : texts.get(id);
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
