import { describe, expect, it } from 'vitest';
import { expectDossierError, useTempCore } from './support/tempCore';

const notebook = useTempCore();

async function article(title: string): Promise<string> {
  return (await notebook.core.importText({ text: `${title}\n\nText of ${title}.` })).sourceId;
}

describe('collections', () => {
  it('hold sources and notes, an item in several; lists say which each is in', async () => {
    const iran = notebook.core.createCollection({ name: 'Iran ports' });
    const shipping = notebook.core.createCollection({ name: 'Shipping' });
    const a = await article('Bandar Abbas');
    const b = await article('Chabahar');
    const { noteId } = notebook.core.createNote({ title: 'Port notes' });

    notebook.core.addToCollection({ collectionId: iran.id, sourceIds: [a, b], noteIds: [noteId] });
    notebook.core.addToCollection({ collectionId: shipping.id, sourceIds: [a] });
    // Adding again changes nothing.
    notebook.core.addToCollection({ collectionId: shipping.id, sourceIds: [a] });

    expect(notebook.core.listCollections({})).toEqual([
      { id: iran.id, name: 'Iran ports', sourceCount: 2, noteCount: 1 },
      { id: shipping.id, name: 'Shipping', sourceCount: 1, noteCount: 0 },
    ]);
    const sources = notebook.core.listSources({});
    expect(sources.find((s) => s.id === a)?.collectionIds).toEqual([iran.id, shipping.id]);
    expect(sources.find((s) => s.id === b)?.collectionIds).toEqual([iran.id]);
    expect(notebook.core.listNotes({})[0]?.collectionIds).toEqual([iran.id]);

    notebook.core.removeFromCollection({ collectionId: iran.id, sourceIds: [a] });
    expect(notebook.core.getSource({ sourceId: a }).collectionIds).toEqual([shipping.id]);
  });

  it('count nothing in the trash, and lose their items only when deleted (the items stay)', async () => {
    const reading = notebook.core.createCollection({ name: 'Reading' });
    const a = await article('Kept');
    const b = await article('Trashed');
    notebook.core.addToCollection({ collectionId: reading.id, sourceIds: [a, b] });
    notebook.core.deleteSource({ sourceId: b });
    expect(notebook.core.listCollections({})[0]).toMatchObject({ sourceCount: 1 });

    notebook.core.deleteCollection({ collectionId: reading.id });
    expect(notebook.core.listCollections({})).toEqual([]);
    expect(notebook.core.listSources({}).map((s) => [s.id, s.collectionIds])).toEqual([[a, []]]);
  });

  it('are renamed; a name taken (ignoring case) is a conflict; unknown ids are not_found', async () => {
    const one = notebook.core.createCollection({ name: 'One' });
    notebook.core.createCollection({ name: 'Two' });
    expectDossierError(() => notebook.core.createCollection({ name: 'two' }), 'conflict');
    expectDossierError(
      () => notebook.core.renameCollection({ collectionId: one.id, name: 'TWO' }),
      'conflict',
    );
    expect(notebook.core.renameCollection({ collectionId: one.id, name: 'ONE' }).name).toBe('ONE');
    expectDossierError(() => notebook.core.deleteCollection({ collectionId: '99' }), 'not_found');
    expectDossierError(
      () => notebook.core.addToCollection({ collectionId: one.id, sourceIds: ['42'] }),
      'not_found',
    );
    const a = await article('Real');
    expectDossierError(
      () => notebook.core.addToCollection({ collectionId: one.id, sourceIds: [a], noteIds: ['7'] }),
      'not_found',
    );
    // Nothing was added by the refused call.
    expect(notebook.core.getSource({ sourceId: a }).collectionIds).toEqual([]);
  });
});
