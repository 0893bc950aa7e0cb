import { describe, expect, it } from 'vitest';
import { NOTE_LINK_TYPE } from '../../src/shared/noteLink';
import { PASSAGE_LINK_TYPE } from '../../src/shared/passageLink';
import { expectDossierError, useTempCore } from './support/tempCore';

const notebook = useTempCore();

const text = (words: string) => ({
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text: words,
  type: 'text',
  version: 1,
});
const element = (type: string, children: object[], fields: object = {}) => ({
  children,
  direction: null,
  format: '',
  indent: 0,
  type,
  version: 1,
  ...fields,
});
const noteLink = (noteId: string, words: string) =>
  element(NOTE_LINK_TYPE, [text(words)], { noteId });
const passageLink = (passageId: string, sourceId: string, words: string) =>
  element(PASSAGE_LINK_TYPE, [text(words)], { passageId, sourceId });
const body = (...paragraphs: object[][]) =>
  JSON.stringify({
    root: element(
      'root',
      paragraphs.map((inlines) => element('paragraph', inlines)),
    ),
  });

function newNote(title: string, ...paragraphs: object[][]): string {
  return notebook.core.createNote({ title, body: body(...paragraphs) }).noteId;
}

async function passageIn(words: string, quote: string) {
  const { sourceId } = await notebook.core.importText({ text: words });
  const { passageId } = notebook.core.markPassage({ sourceId: sourceId!, quote });
  return { sourceId: sourceId!, passageId };
}

describe('links between notes', () => {
  it('lists the notes that link to a note, and those it links to, in order', () => {
    const harbour = newNote('Harbour');
    const ferries = newNote('Ferries');
    const summary = newNote('Summary', [
      text('See '),
      noteLink(ferries, 'Ferries'),
      text(' and '),
      noteLink(harbour, 'Harbour'),
      text(', again '),
      noteLink(ferries, 'the ferries'),
    ]);
    newNote('Aside', [noteLink(harbour, 'Harbour')]);

    const references = notebook.core.getNoteReferences({ noteId: summary });
    expect(references.linksTo.map((note) => note.title)).toEqual(['Ferries', 'Harbour']);
    expect(
      notebook.core.getNoteReferences({ noteId: harbour }).linkedFrom.map((note) => note.title),
    ).toEqual(['Aside', 'Summary']);
    // The link's words are part of the note's text (search finds them).
    expect(notebook.core.getNote({ noteId: summary }).text).toBe(
      'See Ferries and Harbour, again the ferries',
    );
  });

  it('renames the links that read as the old title, and leaves links worded otherwise', () => {
    const harbour = newNote('Harbour');
    const summary = newNote('Summary', [
      noteLink(harbour, 'Harbour'),
      text(' — '),
      noteLink(harbour, 'that harbour note'),
    ]);
    const before = notebook.core.getNote({ noteId: summary });

    notebook.core.saveNote({ noteId: harbour, title: 'Harbour of Aden', body: body() });

    const after = notebook.core.getNote({ noteId: summary });
    expect(after.text).toBe('Harbour of Aden — that harbour note');
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(notebook.core.search({ query: 'Aden' }).map((hit) => hit.id)).toContain(summary);
    // Still linked by id, so the backlink holds.
    expect(notebook.core.getNoteReferences({ noteId: harbour }).linkedFrom).toEqual([
      { noteId: summary, title: 'Summary', inTrash: false },
    ]);
  });

  it('keeps a link to a note deleted for good in the body, out of the lists', () => {
    const gone = newNote('Gone');
    const keeper = newNote('Keeper', [text('was: '), noteLink(gone, 'Gone')]);
    notebook.core.deleteNote({ noteId: gone });
    expect(notebook.core.getNoteReferences({ noteId: keeper }).linksTo).toEqual([
      { noteId: gone, title: 'Gone', inTrash: true },
    ]);

    notebook.core.emptyTrash({});

    expect(notebook.core.getNoteReferences({ noteId: keeper }).linksTo).toEqual([]);
    expect(notebook.core.getNote({ noteId: keeper }).body).toContain(`"noteId":"${gone}"`);
    // Saving the note again with its broken link is allowed: nothing of the analyst's is refused.
    const { body: kept } = notebook.core.getNote({ noteId: keeper });
    expect(() =>
      notebook.core.saveNote({ noteId: keeper, title: 'Keeper 2', body: kept }),
    ).not.toThrow();
  });

  it('does not count a note linking to itself as its own backlink', () => {
    const noteId = newNote('Self');
    notebook.core.saveNote({ noteId, title: 'Self', body: body([noteLink(noteId, 'Self')]) });
    expect(notebook.core.getNoteReferences({ noteId }).linkedFrom).toEqual([]);
  });

  it('refuses a note link without a valid id', () => {
    expectDossierError(
      () => notebook.core.createNote({ title: 'Bad', body: body([noteLink('x', 'Nowhere')]) }),
      'invalid_argument',
    );
  });
});

describe('what a note cites', () => {
  it('lists sources in the order of their first passage, each with its passages in order', async () => {
    const ferry = await passageIn(
      'Ferry report\n\nThe ferry left at dawn. It came back at noon.',
      'came back at noon',
    );
    const ferryDawn = notebook.core.markPassage({
      sourceId: ferry.sourceId,
      quote: 'left at dawn',
    });
    const port = await passageIn('Port notes\n\nCranes stood idle all week.', 'stood idle');
    const noteId = newNote('Cites', [
      passageLink(port.passageId, port.sourceId, 'stood idle'),
      passageLink(ferry.passageId, ferry.sourceId, 'came back at noon'),
      passageLink(ferryDawn.passageId, ferry.sourceId, 'left at dawn'),
      passageLink(port.passageId, port.sourceId, 'again'),
    ]);

    const { cites } = notebook.core.getNoteReferences({ noteId });
    expect(
      cites.map((source) => [source.title, source.passages.map((passage) => passage.exact)]),
    ).toEqual([
      ['Port notes', ['stood idle']],
      ['Ferry report', ['came back at noon', 'left at dawn']],
    ]);
    expect(cites[0]).toMatchObject({ inTrash: false });

    notebook.core.deleteSource({ sourceId: port.sourceId });
    expect(notebook.core.getNoteReferences({ noteId }).cites[0]).toMatchObject({ inTrash: true });
  });

  it('says which note it could not find', () => {
    expectDossierError(() => notebook.core.getNoteReferences({ noteId: '999' }), 'not_found');
  });
});
