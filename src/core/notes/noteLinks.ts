/**
 * The links a note's body holds, kept in tables the core can query: passages
 * it cites (`note_links`) and notes it links to (`note_to_note_links`), and the
 * references a note shows beneath its text.
 */
import type { CitedSource, NoteReference, NoteReferences } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import { noteDisplayTitle } from '../../shared/noteLink';
import type { ReadableDB, WritableDB } from '../db/openDatabase';
import { idIn } from '../db/sql';
import { getPassagesById } from '../passages/passageViews';
import { indexNote } from '../search/searchIndex';
import { extractNoteContent, retitleNoteLinks, type NoteContent } from './noteBody';

/** Mirrors the body's links; a link to a note that no longer exists is kept in the body only. */
export function replaceNoteLinks(db: WritableDB, noteId: number, content: NoteContent): void {
  db.prepare('DELETE FROM note_links WHERE note_id = ?').run(noteId);
  const insertPassage = db.prepare('INSERT INTO note_links (note_id, passage_id) VALUES (?, ?)');
  for (const passageId of content.passageIds) insertPassage.run(noteId, Number(passageId));

  replaceLinksToNotes(db, noteId, content.noteIds);
}

/** A note's links to other notes (not to itself, nor to notes that no longer exist). */
export function replaceLinksToNotes(
  db: WritableDB,
  noteId: number,
  targetIds: readonly string[],
): void {
  db.prepare('DELETE FROM note_to_note_links WHERE from_note_id = ?').run(noteId);
  const insert = db.prepare(
    `INSERT INTO note_to_note_links (from_note_id, to_note_id)
     SELECT ?, id FROM notes WHERE id = ? AND id <> ?`,
  );
  for (const target of targetIds) insert.run(noteId, Number(target), noteId);
}

/**
 * A renamed note's links elsewhere follow its new title, unless the analyst
 * worded a link otherwise. The notes holding them are re-indexed, not given a
 * revision: the change is Dossier's, not an edit.
 */
export function retitleLinksTo(
  db: WritableDB,
  noteId: number,
  oldTitle: string,
  newTitle: string,
): void {
  const oldText = noteDisplayTitle(oldTitle);
  const newText = noteDisplayTitle(newTitle);
  if (oldText === newText) return;
  const linking = db
    .prepare(
      `SELECT n.id, n.title, n.body_json, n.deleted_at FROM note_to_note_links l
       JOIN notes n ON n.id = l.from_note_id WHERE l.to_note_id = ?`,
    )
    .all(noteId) as Array<{
    id: number;
    title: string;
    body_json: string;
    deleted_at: string | null;
  }>;
  const update = db.prepare('UPDATE notes SET body_json = ?, plain_text = ? WHERE id = ?');
  for (const note of linking) {
    const body = retitleNoteLinks(note.body_json, String(noteId), oldText, newText);
    if (body === null) continue;
    const { plainText } = extractNoteContent(body);
    update.run(body, plainText, note.id);
    if (note.deleted_at === null) indexNote(db, note.id, note.title, plainText);
  }
}

/**
 * What a note cites, in the order its body first links to each (sources in
 * the order of their first passage), the notes it links to, and the notes
 * outside the trash that link to it.
 */
export function getNoteReferences(db: ReadableDB, noteId: number): NoteReferences {
  const body = db.prepare('SELECT body_json FROM notes WHERE id = ?').pluck().get(noteId) as
    | string
    | undefined;
  if (body === undefined) throw new DossierError('not_found', `No note with id ${noteId}`);
  const content = extractNoteContent(body);
  return {
    cites: citedSources(db, content.passageIds.map(Number)),
    linksTo: notesByIds(db, content.noteIds.map(Number)),
    linkedFrom: (
      db
        .prepare(
          `SELECT n.id, n.title FROM note_to_note_links l JOIN notes n ON n.id = l.from_note_id
           WHERE l.to_note_id = ? AND n.deleted_at IS NULL ORDER BY n.updated_at DESC, n.id DESC`,
        )
        .all(noteId) as Array<{ id: number; title: string }>
    ).map((row) => ({ noteId: String(row.id), title: row.title, inTrash: false })),
  };
}

function citedSources(db: ReadableDB, passageIds: readonly number[]): CitedSource[] {
  const passages = getPassagesById(db, passageIds);
  const sources = new Map<string, CitedSource>();
  const readSource = db.prepare('SELECT title, site, deleted_at FROM sources WHERE id = ?');
  for (const passageId of passageIds) {
    const passage = passages.get(passageId);
    if (!passage) continue;
    let source = sources.get(passage.sourceId);
    if (!source) {
      const row = readSource.get(Number(passage.sourceId)) as {
        title: string;
        site: string | null;
        deleted_at: string | null;
      };
      source = {
        sourceId: passage.sourceId,
        title: row.title,
        site: row.site,
        inTrash: row.deleted_at !== null,
        passages: [],
      };
      sources.set(passage.sourceId, source);
    }
    source.passages.push({ passageId: passage.id, exact: passage.exact, status: passage.status });
  }
  return [...sources.values()];
}

/** The notes with these ids that still exist, in the given order. */
function notesByIds(db: ReadableDB, noteIds: readonly number[]): NoteReference[] {
  if (noteIds.length === 0) return [];
  const ids = idIn('id', noteIds);
  const rows = db
    .prepare(`SELECT id, title, deleted_at FROM notes WHERE ${ids.sql}`)
    .all(...ids.params) as Array<{ id: number; title: string; deleted_at: string | null }>;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return noteIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ noteId: String(id), title: row.title, inTrash: row.deleted_at !== null }] : [];
  });
}
