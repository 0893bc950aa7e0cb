/**
 * A note's history: earlier states kept as revisions, at most one per editing
 * interval (autosave runs every few seconds; a revision for each would bury the
 * ones that matter), one whenever the analyst leaves the note (a checkpoint),
 * and thinned out as they age (see `pruneRevisions`). The current state is the
 * note itself; restoring a revision is done by the editor, as an edit (so it
 * can be undone), after a checkpoint.
 */
import type { NoteRevision, NoteRevisionSummary } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import type { ReadableDB, WritableDB } from '../db/openDatabase';
import { extractNoteContent } from './noteBody';

/** Autosaves within this time of the newest revision do not add another. */
export const REVISION_INTERVAL_MS = 5 * 60_000;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * How revisions thin out with age (documented in the README): every one from
 * the last day, one per hour for a week, one per day for 90 days, then one per
 * week. In each period the newest revision is kept.
 */
const keepOnePer: Array<{ olderThan: number; period: number }> = [
  { olderThan: 90 * DAY, period: 7 * DAY },
  { olderThan: 7 * DAY, period: DAY },
  { olderThan: DAY, period: HOUR },
];

interface NoteState {
  title: string;
  body_json: string;
  updated_at: string;
}

/**
 * Called by saveNote before `previous` is replaced: keeps it as a revision if
 * the newest revision is older than the interval (or there is none).
 */
export function keepRevisionIfDue(db: WritableDB, noteId: number, previous: NoteState): void {
  const newest = newestRevision(db, noteId);
  const due =
    !newest ||
    Date.parse(previous.updated_at) - Date.parse(newest.saved_at) >= REVISION_INTERVAL_MS;
  if (due) insertRevision(db, noteId, previous);
}

/** Keeps the note as it is now as a revision (the analyst left it), unless the newest one is the same. */
export function checkpointNote(db: WritableDB, noteId: number): void {
  db.transaction(() => {
    const note = db
      .prepare('SELECT title, body_json, updated_at FROM notes WHERE id = ?')
      .get(noteId) as NoteState | undefined;
    if (!note) throw new DossierError('not_found', `No note with id ${noteId}`);
    const newest = newestRevision(db, noteId);
    if (newest && newest.title === note.title && newest.body_json === note.body_json) return;
    insertRevision(db, noteId, note);
  }).immediate();
}

export function listNoteRevisions(db: ReadableDB, noteId: number): NoteRevisionSummary[] {
  if (db.prepare('SELECT 1 FROM notes WHERE id = ?').get(noteId) === undefined) {
    throw new DossierError('not_found', `No note with id ${noteId}`);
  }
  const rows = db
    .prepare(
      `SELECT id, title, saved_at AS savedAt, body_json FROM note_revisions
       WHERE note_id = ? ORDER BY saved_at DESC, id DESC`,
    )
    .all(noteId) as Array<{ id: number; title: string; savedAt: string; body_json: string }>;
  return rows.map(({ id, title, savedAt, body_json }) => ({
    id: String(id),
    title,
    savedAt,
    charCount: [...extractNoteContent(body_json).plainText].length,
  }));
}

export function getNoteRevision(db: ReadableDB, revisionId: number): NoteRevision {
  const row = db
    .prepare('SELECT id, note_id, title, body_json, saved_at FROM note_revisions WHERE id = ?')
    .get(revisionId) as
    | { id: number; note_id: number; title: string; body_json: string; saved_at: string }
    | undefined;
  if (!row) throw new DossierError('not_found', `No note revision with id ${revisionId}`);
  return {
    id: String(row.id),
    noteId: String(row.note_id),
    title: row.title,
    body: row.body_json,
    text: extractNoteContent(row.body_json).plainText,
    savedAt: row.saved_at,
  };
}

function newestRevision(
  db: ReadableDB,
  noteId: number,
): { title: string; body_json: string; saved_at: string } | undefined {
  return db
    .prepare(
      `SELECT title, body_json, saved_at FROM note_revisions
       WHERE note_id = ? ORDER BY saved_at DESC, id DESC LIMIT 1`,
    )
    .get(noteId) as { title: string; body_json: string; saved_at: string } | undefined;
}

function insertRevision(db: WritableDB, noteId: number, state: NoteState): void {
  db.prepare(
    'INSERT INTO note_revisions (note_id, title, body_json, saved_at) VALUES (?, ?, ?, ?)',
  ).run(noteId, state.title, state.body_json, state.updated_at);
  pruneRevisions(db, noteId, Date.now());
}

/** Thins out the note's older revisions by `keepOnePer`; the newest of each period stays. */
export function pruneRevisions(db: WritableDB, noteId: number, now: number): void {
  const revisions = db
    .prepare(
      'SELECT id, saved_at FROM note_revisions WHERE note_id = ? ORDER BY saved_at DESC, id DESC',
    )
    .all(noteId) as Array<{ id: number; saved_at: string }>;
  const keptPeriods = new Set<string>();
  const remove = db.prepare('DELETE FROM note_revisions WHERE id = ?');
  for (const revision of revisions) {
    const age = now - Date.parse(revision.saved_at);
    const rule = keepOnePer.find(({ olderThan }) => age >= olderThan);
    if (!rule) continue;
    const period = `${rule.period}:${Math.floor(Date.parse(revision.saved_at) / rule.period)}`;
    if (keptPeriods.has(period)) remove.run(revision.id);
    else keptPeriods.add(period);
  }
}
