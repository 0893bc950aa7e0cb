import type { NoteDetail, NoteSummary, ValidArgs } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import { plural } from '../../shared/text';
import type { ReadableDB, WritableDB } from '../db/openDatabase';
import { timestamp } from '../db/timestamp';
import { getPassage } from '../passages/passageViews';
import { indexNote, unindexNote } from '../search/searchIndex';
import { parseTagNames, taggedNotes, tagNamesJsonSql } from '../tags/taggedKinds';
import { collectionIdsJsonSql, parseCollectionIds } from '../collections/collections';
import { buildNoteBody, extractNoteContent } from './noteBody';
import { keepRevisionIfDue } from './noteHistory';
import { replaceNoteLinks, retitleLinksTo } from './noteLinks';

interface NoteRow {
  id: number;
  title: string;
  body_json: string;
  plain_text: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** JSON array of linked passage ids. */
  passage_ids: string;
  /** JSON array of tag names. */
  tag_names: string;
  /** JSON array of collection ids. */
  collection_ids: string;
}

const SELECT_NOTE = `
  SELECT n.*, (SELECT json_group_array(passage_id) FROM
                 (SELECT passage_id FROM note_links WHERE note_id = n.id ORDER BY passage_id))
              AS passage_ids,
         ${tagNamesJsonSql(taggedNotes, 'n.id')} AS tag_names,
         ${collectionIdsJsonSql('collection_notes', 'note_id', 'n.id')} AS collection_ids
  FROM notes n`;

/** Creates a note from a Lexical body, or from plain text plus passages to quote. */
export function createNote(db: WritableDB, args: ValidArgs<'createNote'>): { noteId: string } {
  if (args.body !== undefined && (args.text !== undefined || args.passageIds !== undefined)) {
    throw new DossierError(
      'invalid_argument',
      'Give either body, or text and passageIds, not both.',
    );
  }
  return db
    .transaction(() => {
      const body = args.body ?? bodyQuoting(db, args.text ?? '', args.passageIds ?? []);
      const content = extractNoteContent(body);
      requirePassages(db, content.passageIds);
      const now = timestamp();
      const noteId = Number(
        db
          .prepare(
            `INSERT INTO notes (title, body_json, plain_text, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?)`,
          )
          .run(args.title, body, content.plainText, now, now).lastInsertRowid,
      );
      replaceNoteLinks(db, noteId, content);
      indexNote(db, noteId, args.title, content.plainText);
      return { noteId: String(noteId) };
    })
    .immediate();
}

/**
 * Saves a new title and body, keeping the previous ones as a revision when one
 * is due (noteHistory.ts). A note in the trash is still saved (an edit is never
 * thrown away) but stays out of search.
 */
export function saveNote(db: WritableDB, args: ValidArgs<'saveNote'>): { updatedAt: string } {
  const noteId = Number(args.noteId);
  const content = extractNoteContent(args.body);
  return db
    .transaction(() => {
      const note = readNote(db, noteId);
      if (note.title === args.title && note.body_json === args.body) {
        return { updatedAt: note.updated_at };
      }
      requirePassages(db, content.passageIds);
      const now = timestamp();
      keepRevisionIfDue(db, noteId, note);
      db.prepare(
        'UPDATE notes SET title = ?, body_json = ?, plain_text = ?, updated_at = ? WHERE id = ?',
      ).run(args.title, args.body, content.plainText, now, noteId);
      replaceNoteLinks(db, noteId, content);
      if (note.title !== args.title) retitleLinksTo(db, noteId, note.title, args.title);
      if (note.deleted_at === null) indexNote(db, noteId, args.title, content.plainText);
      return { updatedAt: now };
    })
    .immediate();
}

export function getNote(db: ReadableDB, noteId: number): NoteDetail {
  const row = readNote(db, noteId);
  return { ...toNoteSummary(row), body: row.body_json };
}

/** Notes not in the trash, most recently edited first. */
export function listNotes(db: ReadableDB): NoteSummary[] {
  const rows = db
    .prepare(`${SELECT_NOTE} WHERE n.deleted_at IS NULL ORDER BY n.updated_at DESC, n.id DESC`)
    .all() as NoteRow[];
  return rows.map(toNoteSummary);
}

/** Moves a note to the trash: hidden from lists and search, its links kept for restoring. */
export function deleteNote(db: WritableDB, noteId: number): void {
  db.transaction(() => {
    const note = readNote(db, noteId);
    if (note.deleted_at !== null) return;
    db.prepare('UPDATE notes SET deleted_at = ? WHERE id = ?').run(timestamp(), noteId);
    unindexNote(db, noteId);
  }).immediate();
}

export function restoreNote(db: WritableDB, noteId: number): void {
  db.transaction(() => {
    const note = readNote(db, noteId);
    if (note.deleted_at === null) return;
    db.prepare('UPDATE notes SET deleted_at = NULL WHERE id = ?').run(noteId);
    indexNote(db, noteId, note.title, note.plain_text);
  }).immediate();
}

/** A body with the text's lines, then each passage quoted as a link; unknown ids are not_found. */
function bodyQuoting(db: ReadableDB, text: string, passageIds: readonly string[]): string {
  const links = passageIds.map((id) => {
    const passage = getPassage(db, Number(id));
    return { passageId: passage.id, sourceId: passage.sourceId, quote: passage.exact };
  });
  return buildNoteBody(text, links);
}

function requirePassages(db: ReadableDB, passageIds: readonly string[]): void {
  const exists = db.prepare('SELECT 1 FROM passages WHERE id = ?').pluck();
  const missing = passageIds.filter((id) => exists.get(Number(id)) === undefined);
  if (missing.length > 0) {
    throw new DossierError(
      'not_found',
      `The note links to ${plural(missing.length, 'missing passage')} (${missing.join(', ')}); nothing was saved.`,
    );
  }
}

function readNote(db: ReadableDB, noteId: number): NoteRow {
  const row = db.prepare(`${SELECT_NOTE} WHERE n.id = ?`).get(noteId) as NoteRow | undefined;
  if (!row) throw new DossierError('not_found', `No note with id ${noteId}`);
  return row;
}

function toNoteSummary(row: NoteRow): NoteSummary {
  return {
    id: String(row.id),
    title: row.title,
    text: row.plain_text,
    passageIds: (JSON.parse(row.passage_ids) as number[]).map(String),
    tags: parseTagNames(row.tag_names),
    collectionIds: parseCollectionIds(row.collection_ids),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
