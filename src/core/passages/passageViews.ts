import type { AnchorStatus, PassageView } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import type { ReadableDB } from '../db/openDatabase';
import { idIn } from '../db/sql';

interface PassageRow {
  id: number;
  source_id: number;
  exact: string;
  prefix: string;
  suffix: string;
  start_utf16: number;
  end_utf16: number;
  anchor_start_utf16: number | null;
  anchor_end_utf16: number | null;
  status: AnchorStatus;
  created_at: string;
  /** JSON array of the ids of notes (not in the trash) linking here, newest first. */
  note_ids: string;
}

const SELECT_PASSAGE_VIEW = `
  SELECT p.id, p.source_id, p.exact, p.prefix, p.suffix, p.start_utf16, p.end_utf16,
         p.anchor_start_utf16, p.anchor_end_utf16, p.status, p.created_at,
         (SELECT json_group_array(note_id) FROM (
            SELECT l.note_id FROM note_links l JOIN notes n ON n.id = l.note_id
            WHERE l.passage_id = p.id AND n.deleted_at IS NULL
            ORDER BY n.updated_at DESC, n.id DESC)) AS note_ids
  FROM passages p`;

/** A source's passages in reading order, with their backlinks. */
export function listPassageViews(db: ReadableDB, sourceId: number): PassageView[] {
  const rows = db
    .prepare(
      `${SELECT_PASSAGE_VIEW} WHERE p.source_id = ?
       ORDER BY coalesce(p.anchor_start_utf16, p.start_utf16), p.id`,
    )
    .all(sourceId) as PassageRow[];
  return rows.map(toPassageView);
}

/** The same, for a source named by the caller: one that does not exist is an error, not an empty list. */
export function listPassagesOfSource(db: ReadableDB, sourceId: number): PassageView[] {
  if (db.prepare('SELECT 1 FROM sources WHERE id = ?').get(sourceId) === undefined) {
    throw new DossierError('not_found', `No source with id ${sourceId}`);
  }
  return listPassageViews(db, sourceId);
}

function toPassageView(row: PassageRow): PassageView {
  return {
    id: String(row.id),
    sourceId: String(row.source_id),
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    // Where the passage sits in the current version; an orphan keeps where it was made.
    start: row.anchor_start_utf16 ?? row.start_utf16,
    end: row.anchor_end_utf16 ?? row.end_utf16,
    status: row.status,
    createdAt: row.created_at,
    noteIds: (JSON.parse(row.note_ids) as number[]).map(String),
  };
}

export function getPassage(db: ReadableDB, passageId: number): PassageView {
  const row = db.prepare(`${SELECT_PASSAGE_VIEW} WHERE p.id = ?`).get(passageId) as
    | PassageRow
    | undefined;
  if (!row) throw new DossierError('not_found', `No passage with id ${passageId}`);
  return toPassageView(row);
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
  return new Map(rows.map((row) => [row.id, toPassageView(row)]));
}
