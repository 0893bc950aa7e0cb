import type { AnchorStatus, PassageView } from '../../shared/api';
import type { HighlightColor } from '../../shared/passages';
import { DossierError } from '../../shared/errors';
import type { ReadableDB } from '../db/openDatabase';
import { idIn } from '../db/sql';
import { readVersionTexts } from '../versions/versionQueries';

interface PassageRow {
  id: number;
  source_id: number;
  exact: string;
  prefix: string;
  suffix: string;
  start_utf16: number;
  end_utf16: number;
  /** The number of the version the passage was marked (or re-attached) on. */
  version_number: number;
  anchor_start_utf16: number | null;
  anchor_end_utf16: number | null;
  /** Whether the anchor is on the source's current version (it always is once re-anchored). */
  anchored_on_current: 0 | 1;
  anchor_version_id: number | null;
  status: AnchorStatus;
  anchor_score: number;
  suggestion_start_utf16: number | null;
  suggestion_end_utf16: number | null;
  suggestion_score: number | null;
  confirmed_at: string | null;
  original_exact: string | null;
  created_at: string;
  color: HighlightColor;
  comment: string | null;
  source_in_trash: 0 | 1;
  /** JSON array of the ids of notes (not in the trash) linking here, newest first. */
  note_ids: string;
}

const SELECT_PASSAGE_VIEW = `
  SELECT p.id, p.source_id, p.exact, p.prefix, p.suffix, p.start_utf16, p.end_utf16,
         v.version_number, p.anchor_start_utf16, p.anchor_end_utf16, p.anchor_version_id,
         p.anchor_version_id IS s.current_version_id AS anchored_on_current,
         p.status, p.anchor_score, p.suggestion_start_utf16, p.suggestion_end_utf16,
         p.suggestion_score, p.confirmed_at, p.original_exact, p.created_at, p.color, p.comment,
         s.deleted_at IS NOT NULL AS source_in_trash,
         (SELECT json_group_array(note_id) FROM (
            SELECT l.note_id FROM note_links l JOIN notes n ON n.id = l.note_id
            WHERE l.passage_id = p.id AND n.deleted_at IS NULL
            ORDER BY n.updated_at DESC, n.id DESC)) AS note_ids
  FROM passages p
  JOIN source_versions v ON v.id = p.version_id
  JOIN sources s ON s.id = p.source_id`;

/** Where a passage shows in the current text: its anchor there, if it has one. */
const CURRENT_START = `CASE WHEN p.status <> 'orphaned' AND p.anchor_version_id IS s.current_version_id
  THEN p.anchor_start_utf16 END`;

/** A source's passages on its current version: in reading order, orphans last. */
export function listPassageViews(db: ReadableDB, sourceId: number): PassageView[] {
  const rows = db
    .prepare(
      `${SELECT_PASSAGE_VIEW} WHERE p.source_id = ?
       ORDER BY (${CURRENT_START}) IS NULL, ${CURRENT_START}, p.anchor_end_utf16, p.id`,
    )
    .all(sourceId) as PassageRow[];
  return toPassageViews(db, rows);
}

/**
 * The passages marked (or re-attached) on one version of a source, at the offsets
 * they have there, in reading order: what a reader of that version shows.
 */
export function listPassageViewsOnVersion(db: ReadableDB, versionId: number): PassageView[] {
  const rows = db
    .prepare(
      `${SELECT_PASSAGE_VIEW} WHERE p.version_id = ? ORDER BY p.start_utf16, p.end_utf16, p.id`,
    )
    .all(versionId) as PassageRow[];
  return toPassageViews(db, rows).map((view, index) => ({
    ...view,
    start: rows[index]!.start_utf16,
    end: rows[index]!.end_utf16,
  }));
}

/** The same, for a source named by the caller: one that does not exist is an error, not an empty list. */
export function listPassagesOfSource(db: ReadableDB, sourceId: number): PassageView[] {
  if (db.prepare('SELECT 1 FROM sources WHERE id = ?').get(sourceId) === undefined) {
    throw new DossierError('not_found', `No source with id ${sourceId}`);
  }
  return listPassageViews(db, sourceId);
}

export function getPassage(db: ReadableDB, passageId: number): PassageView {
  const row = db.prepare(`${SELECT_PASSAGE_VIEW} WHERE p.id = ?`).get(passageId) as
    | PassageRow
    | undefined;
  if (!row) throw new DossierError('not_found', `No passage with id ${passageId}`);
  return toPassageViews(db, [row])[0]!;
}

/** The passages with these ids, with their backlinks, by id: one query however many. */
export function getPassagesById(
  db: ReadableDB,
  passageIds: readonly number[],
): Map<number, PassageView> {
  if (passageIds.length === 0) return new Map();
  const ids = idIn('p.id', passageIds);
  const rows = db
    .prepare(`${SELECT_PASSAGE_VIEW} WHERE ${ids.sql}`)
    .all(...ids.params) as PassageRow[];
  const views = toPassageViews(db, rows);
  return new Map(rows.map((row, index) => [row.id, views[index]!]));
}

/** The rows as views; the words of orphans' suggestions are read from their texts, once each. */
function toPassageViews(db: ReadableDB, rows: readonly PassageRow[]): PassageView[] {
  const suggested = rows.filter(hasSuggestion);
  const texts = readVersionTexts(db, [...new Set(suggested.map((row) => row.anchor_version_id!))]);
  return rows.map((row) => toPassageView(row, texts));
}

function hasSuggestion(row: PassageRow): boolean {
  return (
    row.status === 'orphaned' &&
    row.anchored_on_current === 1 &&
    row.suggestion_start_utf16 !== null &&
    row.suggestion_end_utf16 !== null &&
    row.suggestion_score !== null
  );
}

function toPassageView(row: PassageRow, texts: ReadonlyMap<number, string>): PassageView {
  const placed = row.status !== 'orphaned' && row.anchored_on_current === 1;
  const view: PassageView = {
    id: String(row.id),
    sourceId: String(row.source_id),
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    versionNumber: row.version_number,
    start: placed ? row.anchor_start_utf16 : null,
    end: placed ? row.anchor_end_utf16 : null,
    status: row.status,
    score: row.anchor_score,
    confirmed: row.status === 'fuzzy' && row.confirmed_at !== null,
    createdAt: row.created_at,
    noteIds: (JSON.parse(row.note_ids) as number[]).map(String),
    color: row.color,
    comment: row.comment,
    sourceInTrash: row.source_in_trash === 1,
  };
  if (hasSuggestion(row)) {
    const start = row.suggestion_start_utf16!;
    const end = row.suggestion_end_utf16!;
    const text = texts.get(row.anchor_version_id!) ?? '';
    view.suggestion = { start, end, text: text.slice(start, end), score: row.suggestion_score! };
  }
  if (row.original_exact !== null) view.originalExact = row.original_exact;
  return view;
}
