import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { expectDossierError, useTempCore } from './support/tempCore';

const notebook = useTempCore();

async function importArticle(text: string) {
  const imported = await notebook.core.importText({ text });
  return imported.sourceId;
}

function rowCounts(): Record<string, number> {
  const db = new Database(notebook.core.databaseFile, { readonly: true });
  try {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    return Object.fromEntries(
      ['sources', 'source_versions', 'passages', 'notes', 'note_links', 'originals'].map(
        (table) => [table, count(table) as number],
      ),
    );
  } finally {
    db.close();
  }
}

describe('sources in the trash', () => {
  it('leave the library, search and tag counts, and come back whole when restored', async () => {
    const sourceId = await importArticle(
      'Harbour report\n\nThe ferry to Bandar Abbas left at dawn.',
    );
    const { passageId } = notebook.core.markPassage({ sourceId, quote: 'ferry to Bandar Abbas' });
    notebook.core.setSourceTags({ sourceId, tags: ['shipping'] });
    const before = notebook.core.getSource({ sourceId });

    notebook.core.deleteSource({ sourceId });

    expect(notebook.core.listSources({})).toEqual([]);
    expect(notebook.core.search({ query: 'ferry' })).toEqual([]);
    expect(notebook.core.search({ query: 'harbour version:all' })).toEqual([]);
    expect(notebook.core.listTags({})).toEqual([]);
    expect(notebook.core.listTrash({})).toEqual([
      { kind: 'source', id: sourceId, title: 'Harbour report', deletedAt: expect.any(String) },
    ]);
    // Still readable, and saying where it is, for the notes that cite it.
    const trashed = notebook.core.getSource({ sourceId });
    expect(trashed.deletedAt).toEqual(expect.any(String));
    expect(notebook.core.getPassage({ passageId }).sourceInTrash).toBe(true);

    notebook.core.restoreSource({ sourceId });
    expect(notebook.core.listTrash({})).toEqual([]);
    expect(notebook.core.getSource({ sourceId })).toEqual(before);
    const kinds = notebook.core.search({ query: 'ferry' }).map((hit) => hit.kind);
    expect(kinds.sort()).toEqual(['passage', 'source']);
    expect(notebook.core.listTags({})).toEqual([
      { name: 'shipping', sourceCount: 1, noteCount: 0 },
    ]);
  });

  it('come back when the same text or a new version of it is imported again', async () => {
    const text = 'Council minutes\n\nThe budget for the river port was approved.';
    const sourceId = await importArticle(text);
    notebook.core.deleteSource({ sourceId });

    expect(await notebook.core.importText({ text })).toMatchObject({
      status: 'duplicate',
      sourceId,
    });
    expect(notebook.core.listSources({}).map((source) => source.id)).toEqual([sourceId]);

    notebook.core.deleteSource({ sourceId });
    const revised = await notebook.core.importText({
      text: `${text}\n\nA second paragraph came later.`,
      revisionOf: sourceId,
    });
    expect(revised).toMatchObject({ status: 'revised', sourceId });
    expect(notebook.core.listTrash({})).toEqual([]);
  });

  it('refuse unknown ids as not_found; deleting or restoring twice changes nothing', async () => {
    const sourceId = await importArticle('Only one\n\nA short article about salt.');
    expectDossierError(() => notebook.core.deleteSource({ sourceId: '999' }), 'not_found');
    expectDossierError(() => notebook.core.restoreSource({ sourceId: '999' }), 'not_found');
    notebook.core.deleteSource({ sourceId });
    const trash = notebook.core.listTrash({});
    notebook.core.deleteSource({ sourceId });
    expect(notebook.core.listTrash({})).toEqual(trash);
    notebook.core.restoreSource({ sourceId });
    notebook.core.restoreSource({ sourceId });
    expect(notebook.core.listSources({})).toHaveLength(1);
  });
});

describe('emptying the trash', () => {
  it('deletes trashed notes and uncited sources for good, with their versions, passages and index entries', async () => {
    const gone = await importArticle('Gone article\n\nWords nobody cites anywhere at all.');
    notebook.core.markPassage({ sourceId: gone, quote: 'nobody cites' });
    await notebook.core.importText({
      text: 'Gone article\n\nWords nobody cites anywhere at all, revised.',
      revisionOf: gone,
    });
    const kept = await importArticle('Kept article\n\nWords that stay in the library.');
    const trashedNote = notebook.core.createNote({ title: 'Old thought', text: 'scratch' });
    notebook.core.deleteSource({ sourceId: gone });
    notebook.core.deleteNote({ noteId: trashedNote.noteId });

    const emptied = notebook.core.emptyTrash({});

    expect(emptied).toEqual({ deletedNotes: 1, deletedSources: 1, keptSources: [] });
    expect(notebook.core.listTrash({})).toEqual([]);
    expect(notebook.core.listSources({}).map((source) => source.id)).toEqual([kept]);
    expectDossierError(() => notebook.core.getSource({ sourceId: gone }), 'not_found');
    expectDossierError(() => notebook.core.getNote({ noteId: trashedNote.noteId }), 'not_found');
    expect(rowCounts()).toMatchObject({ sources: 1, source_versions: 1, passages: 0, notes: 0 });
    const check = await notebook.core.checkNotebook({});
    expect(check.problems).toEqual([]);
    // The index holds nothing of what was deleted: a rebuild finds the same rows.
    expect(await notebook.core.rebuildSearchIndex({})).toEqual({
      sources: 1,
      passages: 0,
      notes: 0,
    });
    expect(notebook.core.search({ query: 'nobody' })).toEqual([]);
  });

  it('keeps a source whose passage a note outside the trash cites, and says which', async () => {
    const cited = await importArticle('Cited article\n\nThe minister denied the report.');
    const { passageId } = notebook.core.markPassage({
      sourceId: cited,
      quote: 'denied the report',
    });
    const note = notebook.core.createNote({ title: 'Claims', passageIds: [passageId] });
    notebook.core.deleteSource({ sourceId: cited });

    expect(notebook.core.emptyTrash({})).toEqual({
      deletedNotes: 0,
      deletedSources: 0,
      keptSources: [{ id: cited, title: 'Cited article', citingNotes: 1 }],
    });
    // The note still saves, and its link still opens the passage.
    const body = notebook.core.getNote({ noteId: note.noteId }).body;
    expect(() =>
      notebook.core.saveNote({ noteId: note.noteId, title: 'Claims', body }),
    ).not.toThrow();
    expect(notebook.core.getPassage({ passageId })).toMatchObject({ sourceInTrash: true });

    // Once the citing note is itself deleted and the trash emptied, both go.
    notebook.core.deleteNote({ noteId: note.noteId });
    expect(notebook.core.emptyTrash({})).toEqual({
      deletedNotes: 1,
      deletedSources: 1,
      keptSources: [],
    });
    expect(rowCounts()).toMatchObject({ sources: 0, passages: 0, notes: 0, note_links: 0 });
  });

  it('deletes an original only when no remaining version keeps the same bytes', async () => {
    const page = Buffer.from(
      '<html><head><title>Saved page</title></head><body><article><p>Bytes kept as evidence for the record.</p></article></body></html>',
    );
    const first = await notebook.core.importFile({
      fileName: 'page.html',
      contentBase64: page.toString('base64'),
    });
    expect(rowCounts().originals).toBe(1);
    notebook.core.deleteSource({ sourceId: first.sourceId });
    notebook.core.emptyTrash({});
    expect(rowCounts()).toMatchObject({ sources: 0, originals: 0 });
  });
});
