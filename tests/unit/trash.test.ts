import { describe, expect, it } from 'vitest';
import { expectDossierError, useTempCore } from './support/tempCore';

const notebook = useTempCore();

describe('the trash', () => {
  it('is empty in a new notebook', () => {
    expect(notebook.core.listTrash({})).toEqual([]);
  });

  it('lists deleted notes newest deletion first; a restored note comes back with its body', () => {
    const kept = notebook.core.createNote({ title: 'Kept', text: 'stays out' });
    const first = notebook.core.createNote({ title: 'First', text: 'deleted first' });
    const second = notebook.core.createNote({ title: 'Second', text: 'deleted second' });
    const body = notebook.core.getNote({ noteId: first.noteId }).body;

    notebook.core.deleteNote({ noteId: first.noteId });
    notebook.core.deleteNote({ noteId: second.noteId });
    const trash = notebook.core.listTrash({});
    expect(trash).toEqual([
      { kind: 'note', id: second.noteId, title: 'Second', deletedAt: expect.any(String) },
      { kind: 'note', id: first.noteId, title: 'First', deletedAt: expect.any(String) },
    ]);
    for (const item of trash) expect(new Date(item.deletedAt).toISOString()).toBe(item.deletedAt);
    expect(trash[0]!.deletedAt > trash[1]!.deletedAt).toBe(true);
    expect(notebook.core.listNotes({}).map((note) => note.id)).toEqual([kept.noteId]);

    notebook.core.restoreNote({ noteId: first.noteId });
    expect(notebook.core.listTrash({}).map((item) => item.id)).toEqual([second.noteId]);
    const restored = notebook.core.listNotes({}).find((note) => note.id === first.noteId);
    expect(restored).toMatchObject({ title: 'First', text: 'deleted first' });
    expect(notebook.core.getNote({ noteId: first.noteId }).body).toBe(body);
  });

  it('refuses unknown note ids as not_found and leaves the trash as it was', () => {
    const { noteId } = notebook.core.createNote({ title: 'Only' });
    notebook.core.deleteNote({ noteId });
    const before = notebook.core.listTrash({});
    expectDossierError(() => notebook.core.deleteNote({ noteId: '999' }), 'not_found');
    expectDossierError(() => notebook.core.restoreNote({ noteId: '999' }), 'not_found');
    expect(notebook.core.listTrash({})).toEqual(before);
  });
});
