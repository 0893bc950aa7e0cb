import type { PassageView, SearchHit, SearchHitKind, SearchSnippet } from '../../shared/api';
import { defaultHighlightColor } from '../../shared/passages';
import type { ReadableDB } from '../db/openDatabase';
import { idIn, type SqlCondition } from '../db/sql';
import { cachedStatement } from '../db/statementCache';
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
 * only for the best `snippets` results of each kind (see `toHits`).
 */
export function searchAll(
  db: ReadableDB,
  query: string,
  limit: number,
  snippets = limit,
): SearchHit[] {
  const parsed = parseQuery(query);
  const text = toTextQuery(parsed);
  if (!text.match && !text.exclude && parsed.filters.length === 0) return [];

  // One snapshot, so the texts read for the hits are those of the rows found.
  return db.transaction(() => {
    const scored = targetsFor(parsed.filters).flatMap((target) =>
      scoreByRank(target.kind, findRows(db, target, text, parsed.filters, limit), text),
    );
    scored.sort((a, b) => b.score - a.score || b.date.localeCompare(a.date));
    return toHits(db, scored.slice(0, limit), text.phrases, snippets);
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

/** One of FTS5's matches, as it ranks them: its rowid and relevance alone. */
interface RankedMatch {
  ftsRowid: number;
  relevance: number;
}

/** A ranked match joined to its row. */
interface RankedRow extends FoundRow, RankedMatch {
  /** Whether it may be shown (see `SearchTarget.visible`). */
  shown: 0 | 1;
}

/**
 * The best `limit` rows for words alone (no filter), as `selectRows` would
 * order them, without joining every match to its row. FTS5 ranks its matches
 * alone and returns the best `window` of them, rowid and relevance only; they
 * are joined to their rows in rank order until `limit` may be shown, and on
 * to the end of the last one's tie (tied rows are ordered by date, then id).
 * No match outside ranks above a row read, so the rows shown are the best.
 * When the window ends before that (the best matches in the trash, or a tie
 * running past its end) FTS5 ranks again with a window four times as wide:
 * starting at four times the limit, a tie rarely makes it rank twice.
 */
function findBestRows(
  db: ReadableDB,
  target: SearchTarget,
  match: string,
  limit: number,
): FoundRow[] {
  if (limit < 1) return [];
  const ranking = cachedStatement(
    db,
    `SELECT rowid AS ftsRowid, ${target.relevance} AS relevance FROM ${target.fts}
     WHERE ${target.fts} MATCH ? ORDER BY relevance DESC LIMIT ?`,
  );
  for (let window = 4 * limit; ; window *= 4) {
    const matches = ranking.all(match, window) as RankedMatch[];
    const rows = readBestRows(db, target, matches, matches.length < window, limit);
    if (rows) return rows.map(({ relevance: _r, shown: _s, ftsRowid: _f, ...row }) => row);
  }
}

/**
 * The best `limit` rows that may be shown among `matches` (ranked best first),
 * or null when they may not be all: `matches` is only FTS5's window, and the
 * rows needed or the last one's tie reach its end.
 */
function readBestRows(
  db: ReadableDB,
  target: SearchTarget,
  matches: readonly RankedMatch[],
  everyMatch: boolean,
  limit: number,
): RankedRow[] | null {
  let read: RankedRow[] = [];
  let shown = 0;
  for (let joined = 0; shown < limit && joined < matches.length; ) {
    const end = endOfTie(matches, Math.min(joined + limit - shown, matches.length));
    if (end === matches.length && !everyMatch) return null;
    const rows = joinRows(db, target, matches.slice(joined, end));
    // Not push(...rows): a tie may hold more rows than a call takes arguments.
    read = read.concat(rows);
    shown += rows.filter((row) => row.shown).length;
    joined = end;
  }
  return read
    .filter((row) => row.shown)
    .sort(bestFirst)
    .slice(0, limit);
}

/** `selectRows`'s order: relevance, then date (ISO text, compared as SQLite does), then id. */
function bestFirst(a: RankedRow, b: RankedRow): number {
  if (a.relevance !== b.relevance) return b.relevance - a.relevance;
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return b.id - a.id;
}

/** Where the tie of the match before `end` ends: the first index ranked below it. */
function endOfTie(matches: readonly RankedMatch[], end: number): number {
  let index = end;
  while (index > 0 && index < matches.length) {
    if (matches[index]!.relevance !== matches[index - 1]!.relevance) break;
    index++;
  }
  return index;
}

/** `matches` joined to their rows by primary key, in their order (one statement). */
function joinRows(
  db: ReadableDB,
  target: SearchTarget,
  matches: readonly RankedMatch[],
): RankedRow[] {
  const ids = idIn(
    target.ftsRowid,
    matches.map((found) => found.ftsRowid),
  );
  const rows = cachedStatement(
    db,
    `SELECT ${target.id} AS id, ${target.sourceId} AS sourceId, ${target.title} AS title,
            ${target.date} AS date, ${target.versionId} AS versionId,
            ${target.versionNumber} AS versionNumber, ${target.ftsRowid} AS ftsRowid,
            (${target.visible}) AS shown
     FROM ${target.from} WHERE ${ids.sql}`,
  ).all(...ids.params) as Array<Omit<RankedRow, 'relevance'>>;
  const byRowid = new Map(rows.map((row) => [row.ftsRowid, row]));
  // A match without its row is left out (never expected: they are written and removed together).
  return matches.flatMap(({ ftsRowid, relevance }) => {
    const row = byRowid.get(ftsRowid);
    return row ? [{ ...row, relevance }] : [];
  });
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

/** What a hit's snippet is cut from: its row, and for a source the version it was found in. */
interface SnippetTarget {
  kind: SearchHitKind;
  id: number;
  versionId: number | null;
}

/** One source may be asked for in two versions. */
const targetKey = ({ kind, id, versionId }: SnippetTarget) => `${kind}:${id}:${versionId}`;

/**
 * The hits for the rows shown. Snippets are cut for the best `snippets` rows
 * of each kind, what the first screen of each group shows; the others come
 * without one, cut once scrolled to (`cutSnippets`): reading and folding the
 * texts of sixty hits was most of a search's time. What hits need beyond the
 * row is read with one query per kind.
 */
function toHits(
  db: ReadableDB,
  rows: ScoredRow[],
  phrases: QueryToken[][],
  snippets: number,
): SearchHit[] {
  const passages = getPassagesById(
    db,
    rows.filter((row) => row.kind === 'passage').map((row) => row.id),
  );
  const counted = { source: 0, passage: 0, note: 0 };
  const toCut = rows.filter((row) => counted[row.kind]++ < snippets);
  const texts = readSnippetTexts(db, toCut, phrases, passages);

  const fields = (row: ScoredRow) => {
    const text = texts.get(targetKey(row));
    return {
      id: String(row.id),
      title: row.title,
      ...(text === undefined ? { snippet: null, highlights: [] } : makeSnippet(text, phrases)),
      score: row.score,
    };
  };
  return rows.map((row): SearchHit => {
    switch (row.kind) {
      case 'source': {
        const hit = { kind: 'source' as const, ...fields(row) };
        return row.versionNumber === null ? hit : { ...hit, versionNumber: row.versionNumber };
      }
      case 'passage': {
        const passage = passages.get(row.id);
        return {
          kind: 'passage',
          ...fields(row),
          sourceId: String(row.sourceId),
          noteIds: passage?.noteIds ?? [],
          color: passage?.color ?? defaultHighlightColor,
          comment: passage?.comment ?? null,
        };
      }
      case 'note':
        return { kind: 'note', ...fields(row) };
    }
  });
}

/** A hit `search` returned without its snippet, as `cutSnippets` is asked for it. */
export interface SnippetRequest {
  kind: SearchHitKind;
  id: string;
  versionNumber?: number;
}

/**
 * The snippets of hits of an earlier `search` for `query`, in their order, cut
 * as that search would have cut them. A hit whose row is gone meanwhile gets
 * an empty snippet.
 */
export function cutSnippets(
  db: ReadableDB,
  query: string,
  hits: readonly SnippetRequest[],
): SearchSnippet[] {
  const { phrases } = toTextQuery(parseQuery(query));
  return db.transaction(() => {
    const versionOf = db.prepare(
      `SELECT CASE WHEN ? IS NULL THEN s.current_version_id ELSE v.id END AS versionId
       FROM sources s LEFT JOIN source_versions v ON v.source_id = s.id AND v.version_number = ?
       WHERE s.id = ?`,
    );
    const targets = hits.map((hit): SnippetTarget => {
      const id = Number(hit.id);
      if (hit.kind !== 'source') return { kind: hit.kind, id, versionId: null };
      const number = hit.versionNumber ?? null;
      const found = versionOf.get(number, number, id) as { versionId: number | null } | undefined;
      return { kind: 'source', id, versionId: found?.versionId ?? null };
    });
    const texts = readSnippetTexts(db, targets, phrases);
    return targets.map((target) => makeSnippet(texts.get(targetKey(target)) ?? '', phrases));
  })();
}

/**
 * The text each target's snippet is cut from (a source's from the version
 * found; a passage's see `passageText`), by `targetKey`: one query per kind.
 */
function readSnippetTexts(
  db: ReadableDB,
  targets: readonly SnippetTarget[],
  phrases: QueryToken[][],
  passages = getPassagesById(db, idsOf(targets, 'passage')),
): Map<string, string> {
  const versionTexts = readVersionTexts(
    db,
    targets.flatMap((target) =>
      target.kind === 'source' && target.versionId !== null ? [target.versionId] : [],
    ),
  );
  const noteTexts = readTexts(db, selectNoteTexts, 'n.id', idsOf(targets, 'note'));
  const texts = new Map<string, string>();
  for (const target of targets) {
    const text =
      target.kind === 'source'
        ? textOf(versionTexts, target.versionId)
        : target.kind === 'passage'
          ? passageText(passages.get(target.id), phrases)
          : noteTexts.get(target.id);
    texts.set(targetKey(target), text ?? '');
  }
  return texts;
}

function idsOf(targets: readonly SnippetTarget[], kind: SearchHitKind): number[] {
  return targets.filter((target) => target.kind === kind).map((target) => target.id);
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
