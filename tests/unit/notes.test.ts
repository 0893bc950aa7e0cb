import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildNoteBody } from '../../src/core/notes/noteBody';
import { expectDossierError, useTempCore } from './support/tempCore';

const notebook = useTempCore();

async function markedPassage(
  text: string,
  quote: string,
): Promise<{ sourceId: string; passageId: string }> {
  const { sourceId } = await notebook.core.importText({ text });
  const { passageId } = notebook.core.markPassage({ sourceId: sourceId!, quote });
  return { sourceId: sourceId!, passageId };
}

function queryNotebook<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(notebook.core.databaseFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

describe('notes', () => {
  it('creates a note from text and passages, quoting each passage as a link', async () => {
    const { sourceId, passageId } = await markedPassage(
      'Report\n\nThe budget grew by 4%.',
      'grew by 4%',
    );
    const { noteId } = notebook.core.createNote({
      title: 'Budget',
      text: 'Check this:',
      passageIds: [passageId],
    });
    const note = notebook.core.getNote({ noteId });
    expect(note).toMatchObject({
      id: noteId,
      title: 'Budget',
      text: 'Check this:\ngrew by 4%',
      passageIds: [passageId],
    });
    expect(note.body).toBe(
      buildNoteBody('Check this:', [{ passageId, sourceId, quote: 'grew by 4%' }]),
    );
    expect(notebook.core.getPassage({ passageId }).noteIds).toEqual([noteId]);
  });

  it('creates a note from a Lexical body', async () => {
    const { sourceId, passageId } = await markedPassage('Report\n\nalpha beta', 'beta');
    const body = buildNoteBody('Intro', [{ passageId, sourceId, quote: 'beta' }]);
    const { noteId } = notebook.core.createNote({ title: 'From body', body });
    expect(notebook.core.getNote({ noteId })).toMatchObject({ body, passageIds: [passageId] });
  });

  it('refuses unknown passages and mixing body with text', () => {
    expectDossierError(
      () => notebook.core.createNote({ title: 'x', passageIds: ['42'] }),
      'not_found',
    );
    const body = buildNoteBody('', [{ passageId: '42', sourceId: '1', quote: 'q' }]);
    const dangling = expectDossierError(
      () => notebook.core.createNote({ title: 'x', body }),
      'not_found',
    );
    expect(dangling.message).toContain('missing passage (42); nothing was saved');
    expectDossierError(
      () => notebook.core.createNote({ title: 'x', body: buildNoteBody('a', []), text: 'b' }),
      'invalid_argument',
    );
    expect(notebook.core.listNotes({})).toEqual([]);
  });

  it('saves a new body, keeping the previous one as a revision and updating links', async () => {
    const first = await markedPassage('One\n\nfirst passage here', 'first passage');
    const second = await markedPassage('Two\n\nsecond passage here', 'second passage');
    const { noteId } = notebook.core.createNote({ title: 'Draft', passageIds: [first.passageId] });
    const originalBody = notebook.core.getNote({ noteId }).body;

    const newBody = buildNoteBody('Rewritten', [
      { passageId: second.passageId, sourceId: second.sourceId, quote: 'second passage' },
    ]);
    const { updatedAt } = notebook.core.saveNote({ noteId, title: 'Final', body: newBody });

    expect(notebook.core.getNote({ noteId })).toMatchObject({
      title: 'Final',
      body: newBody,
      text: 'Rewritten\nsecond passage',
      passageIds: [second.passageId],
      updatedAt,
    });
    expect(notebook.core.getPassage({ passageId: first.passageId }).noteIds).toEqual([]);
    expect(notebook.core.getPassage({ passageId: second.passageId }).noteIds).toEqual([noteId]);
    expect(
      queryNotebook<{ title: string; body_json: string }>(
        'SELECT title, body_json FROM note_revisions WHERE note_id = ?',
        Number(noteId),
      ),
    ).toEqual([{ title: 'Draft', body_json: originalBody }]);
  });

  it('does not add a revision when nothing changed', () => {
    const { noteId } = notebook.core.createNote({ title: 'Same', text: 'unchanged' });
    const note = notebook.core.getNote({ noteId });
    const saved = notebook.core.saveNote({ noteId, title: 'Same', body: note.body });
    expect(saved.updatedAt).toBe(note.updatedAt);
    expect(queryNotebook('SELECT * FROM note_revisions')).toEqual([]);
  });

  it('saves nothing when the body links to a passage that does not exist or is malformed', () => {
    const { noteId } = notebook.core.createNote({ title: 'Keep', text: 'original' });
    const before = notebook.core.getNote({ noteId });
    const dangling = buildNoteBody('changed', [{ passageId: '99', sourceId: '1', quote: 'q' }]);
    expectDossierError(
      () => notebook.core.saveNote({ noteId, title: 'Keep', body: dangling }),
      'not_found',
    );
    expectDossierError(
      () => notebook.core.saveNote({ noteId, title: 'Keep', body: '{"no":"root"}' }),
      'invalid_argument',
    );
    expect(notebook.core.getNote({ noteId })).toEqual(before);
    expect(queryNotebook('SELECT * FROM note_revisions')).toEqual([]);
  });

  it('lists notes newest edit first and moves deleted ones to an undoable trash', async () => {
    const { passageId } = await markedPassage('Src\n\nlinked words', 'linked');
    const a = notebook.core.createNote({ title: 'A', passageIds: [passageId] });
    const b = notebook.core.createNote({ title: 'B', text: 'b' });
    notebook.core.saveNote({
      noteId: a.noteId,
      title: 'A edited',
      body: notebook.core.getNote({ noteId: a.noteId }).body,
    });
    expect(notebook.core.listNotes({}).map((note) => note.title)).toEqual(['A edited', 'B']);

    expect(notebook.core.deleteNote({ noteId: a.noteId })).toEqual({ deleted: true });
    expect(notebook.core.listNotes({}).map((note) => note.id)).toEqual([b.noteId]);
    expect(notebook.core.getPassage({ passageId }).noteIds).toEqual([]);

    expect(notebook.core.restoreNote({ noteId: a.noteId })).toEqual({ restored: true });
    expect(notebook.core.listNotes({}).map((note) => note.id)).toEqual([a.noteId, b.noteId]);
    expect(notebook.core.getPassage({ passageId }).noteIds).toEqual([a.noteId]);
  });

  it('unknown note ids are not_found', () => {
    const error = expectDossierError(() => notebook.core.getNote({ noteId: '5' }), 'not_found');
    expect(error.message).toBe('No note with id 5');
    expectDossierError(() => notebook.core.deleteNote({ noteId: '5' }), 'not_found');
    expectDossierError(() => notebook.core.restoreNote({ noteId: '5' }), 'not_found');
    expectDossierError(
      () => notebook.core.saveNote({ noteId: '5', title: 't', body: buildNoteBody('x', []) }),
      'not_found',
    );
  });
});
