/** Tags on sources and notes: replacing, normalising, cleaning up, and finding them with tag:. */
import { describe, expect, it } from 'vitest';
import { callCore } from '../../src/cli/callCore';
import type { ApiArgs } from '../../src/shared/api';
import { expectDossierRejection, useTempCore } from './support/tempCore';

const notebook = useTempCore();

/** Through the contract, as every host calls: arguments are normalised by its schema. */
function setSourceTags(args: ApiArgs<'setSourceTags'>) {
  return callCore(notebook.core, 'setSourceTags', args);
}
function setNoteTags(args: ApiArgs<'setNoteTags'>) {
  return callCore(notebook.core, 'setNoteTags', args);
}

async function importArticle(text = 'River delta\n\nThe ferry leaves at dawn.'): Promise<string> {
  const { sourceId } = await notebook.core.importText({ text });
  return sourceId!;
}

function createNote(title = 'Ferry times'): string {
  return notebook.core.createNote({ title, text: 'Leaves at dawn.' }).noteId;
}

function searchIds(query: string): string[] {
  return notebook.core.search({ query, limit: 50 }).map((hit) => `${hit.kind}:${hit.id}`);
}

describe('setSourceTags and setNoteTags', () => {
  it('replace the tags, return them sorted, and show them in lists and details', async () => {
    const sourceId = await importArticle();
    const noteId = createNote();
    expect(await setSourceTags({ sourceId, tags: ['rivers', 'Boats', 'ایران'] })).toEqual({
      tags: ['Boats', 'rivers', 'ایران'],
    });
    expect(await setSourceTags({ sourceId, tags: ['travel', 'rivers'] })).toEqual({
      tags: ['rivers', 'travel'],
    });
    expect(await setNoteTags({ noteId, tags: ['travel'] })).toEqual({ tags: ['travel'] });

    expect(notebook.core.getSource({ sourceId }).tags).toEqual(['rivers', 'travel']);
    expect(notebook.core.listSources({})[0]?.tags).toEqual(['rivers', 'travel']);
    expect(notebook.core.getNote({ noteId }).tags).toEqual(['travel']);
    expect(notebook.core.listNotes({})[0]?.tags).toEqual(['travel']);
  });

  it('clear the tags with an empty list', async () => {
    const sourceId = await importArticle();
    await setSourceTags({ sourceId, tags: ['rivers'] });
    expect(await setSourceTags({ sourceId, tags: [] })).toEqual({ tags: [] });
    expect(notebook.core.getSource({ sourceId }).tags).toEqual([]);
  });

  it('trim, NFC-normalise and drop case-insensitive duplicates, keeping the first spelling', async () => {
    const sourceId = await importArticle();
    const decomposed = 'cafe\u0301';
    expect(
      await setSourceTags({ sourceId, tags: ['  Delta ', 'delta', 'DELTA', decomposed, 'café'] }),
    ).toEqual({ tags: ['café', 'Delta'] });
  });

  it('share one tag between items whatever case each typed it in', async () => {
    const sourceId = await importArticle();
    const noteId = createNote();
    await setSourceTags({ sourceId, tags: ['Delta'] });
    // The tag already exists: it keeps its spelling.
    expect(await setNoteTags({ noteId, tags: ['DELTA'] })).toEqual({ tags: ['Delta'] });
    expect(notebook.core.listTags({})).toEqual([{ name: 'Delta', sourceCount: 1, noteCount: 1 }]);
  });

  it('remove tags nothing carries any more', async () => {
    const sourceId = await importArticle();
    const noteId = createNote();
    await setSourceTags({ sourceId, tags: ['rivers', 'shared'] });
    await setNoteTags({ noteId, tags: ['shared'] });
    await setSourceTags({ sourceId, tags: [] });
    expect(notebook.core.listTags({})).toEqual([{ name: 'shared', sourceCount: 0, noteCount: 1 }]);
    await setNoteTags({ noteId, tags: [] });
    expect(notebook.core.listTags({})).toEqual([]);
    // Gone from the table too, so a new spelling is not the old one.
    await setNoteTags({ noteId, tags: ['RIVERS'] });
    expect(notebook.core.listTags({})).toEqual([{ name: 'RIVERS', sourceCount: 0, noteCount: 1 }]);
  });

  it('answer not_found for an unknown source or note, changing nothing', async () => {
    await expectDossierRejection(() => setSourceTags({ sourceId: '99', tags: ['x'] }), 'not_found');
    await expectDossierRejection(() => setNoteTags({ noteId: '99', tags: ['x'] }), 'not_found');
    expect(notebook.core.listTags({})).toEqual([]);
  });

  it('refuse empty, over-long, comma or line-break tags, and more than 50', async () => {
    const sourceId = await importArticle();
    for (const tag of ['  ', 'a,b', 'a\nb', 'x'.repeat(65)]) {
      await expectDossierRejection(
        () => setSourceTags({ sourceId, tags: [tag] }),
        'invalid_argument',
      );
    }
    // 64 characters, however many UTF-16 units they take.
    const longest = '🙂'.repeat(64);
    expect(await setSourceTags({ sourceId, tags: [longest] })).toEqual({ tags: [longest] });
    const many = Array.from({ length: 51 }, (_, index) => `tag${index}`);
    await expectDossierRejection(() => setSourceTags({ sourceId, tags: many }), 'invalid_argument');
    // Duplicates do not count towards the limit.
    expect(
      (await setSourceTags({ sourceId, tags: [...many.slice(0, 50), 'TAG0'] })).tags,
    ).toHaveLength(50);
  });
});

describe('listTags', () => {
  it('counts sources and notes, leaving out notes in the trash', async () => {
    const first = await importArticle();
    const second = await importArticle('Second\n\nAnother article.');
    const noteId = createNote();
    await setSourceTags({ sourceId: first, tags: ['b', 'A'] });
    await setSourceTags({ sourceId: second, tags: ['b'] });
    await setNoteTags({ noteId, tags: ['A', 'only-note'] });
    expect(notebook.core.listTags({})).toEqual([
      { name: 'A', sourceCount: 1, noteCount: 1 },
      { name: 'b', sourceCount: 2, noteCount: 0 },
      { name: 'only-note', sourceCount: 0, noteCount: 1 },
    ]);
    notebook.core.deleteNote({ noteId });
    expect(notebook.core.listTags({})).toEqual([
      { name: 'A', sourceCount: 1, noteCount: 0 },
      { name: 'b', sourceCount: 2, noteCount: 0 },
    ]);
  });
});

describe('search with tag:', () => {
  it('finds the tagged source and note, and -tag: leaves them out', async () => {
    const tagged = await importArticle('River delta\n\nThe ferry leaves at dawn.');
    const untagged = await importArticle('Mountain pass\n\nThe ferry does not go there.');
    const noteId = createNote('Ferry times');
    const otherNote = createNote('Ferry prices');
    await setSourceTags({ sourceId: tagged, tags: ['Delta'] });
    await setNoteTags({ noteId, tags: ['delta'] });

    expect(searchIds('tag:delta')).toEqual(
      expect.arrayContaining([`source:${tagged}`, `note:${noteId}`]),
    );
    expect(searchIds('tag:delta')).toHaveLength(2);
    expect(searchIds('ferry tag:DELTA').sort()).toEqual([`note:${noteId}`, `source:${tagged}`]);
    expect(searchIds('ferry -tag:delta').sort()).toEqual([
      `note:${otherNote}`,
      `source:${untagged}`,
    ]);
    expect(searchIds('tag:"no such tag"')).toEqual([]);
  });
});
