import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from './support/tempFolder';
import { checkDatabase } from '../../src/core/db/checkDatabase';
import { openDatabase, type WritableDB } from '../../src/core/db/openDatabase';
import { buildNoteBody } from '../../src/core/notes/noteBody';
import { createNote, deleteNote, saveNote } from '../../src/core/notes/notes';
import { markPassage } from '../../src/core/passages/markPassage';
import {
  isSearchIndexStale,
  readSearchKeyVersion,
  rebuildSearchIndex,
} from '../../src/core/search/reindex';
import { searchAll } from '../../src/core/search/search';
import { SEARCH_KEY_VERSION, searchKey } from '../../src/core/search/searchKey';
import { importText } from '../../src/core/sources/importSource';
import { DossierError } from '../../src/shared/errors';

let db: WritableDB;
useTempFolder('dossier-reindex-', (folder) => {
  db = openDatabase(path.join(folder, 'dossier.db'));
  return () => db.close();
});

/**
 * The search keys of a Dossier whose letter folds lacked ß → ss: the letter is
 * kept out of folding under a private-use stand-in (a letter folding leaves
 * alone), then put back.
 */
function keyWithoutEszettFold(text: string): string {
  return searchKey(text.replaceAll('ß', '\uE000')).replaceAll('\uE000', 'ß');
}

/** Turns this notebook into one an older Dossier (search keys version 0, no ß fold) indexed. */
async function makeIndexOld(): Promise<void> {
  await rebuildSearchIndex(db, { key: keyWithoutEszettFold });
  db.prepare('UPDATE search_index_state SET search_key_version = 0').run();
}

function found(query: string): string[] {
  return searchAll(db, query, 20).map((hit) => `${hit.kind} ${hit.title}`);
}

function addNote(title: string, text: string): number {
  return Number(createNote(db, { title, text }).noteId);
}

describe('a notebook indexed with older search keys', () => {
  it('is reported stale by check, and rebuilt with the new folding', async () => {
    const { sourceId } = await importText(db, {
      title: 'Tram report',
      text: 'The tram on Hauptstraße was closed for repairs.',
    });
    markPassage(db, { sourceId: sourceId!, quote: 'Hauptstraße was closed' });
    addNote('Street works', 'Ask about the Hauptstraße repairs.');
    deleteNote(db, addNote('Trashed', 'An old Hauptstraße draft.'));
    await makeIndexOld();

    expect(isSearchIndexStale(db)).toBe(true);
    expect(await checkDatabase(db)).toMatchObject({
      ok: false,
      problems: [
        `the search index was built with search keys version 0; this Dossier uses ${SEARCH_KEY_VERSION}: run \`dossier reindex\``,
      ],
    });
    // Folding that did not change still finds them; the new ß fold does not yet.
    expect(found('repairs').sort()).toEqual(['note Street works', 'source Tram report']);
    expect(found('hauptstrasse')).toEqual([]);

    const progress: Array<[number, number]> = [];
    const counts = await rebuildSearchIndex(db, {
      batchSize: 1,
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(counts).toEqual({ sources: 1, passages: 1, notes: 1 });
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(found('hauptstrasse').sort()).toEqual([
      'note Street works',
      'passage Tram report',
      'source Tram report',
    ]);
    expect(found('draft')).toEqual([]);
    expect(readSearchKeyVersion(db)).toBe(SEARCH_KEY_VERSION);
    expect(await checkDatabase(db)).toMatchObject({ ok: true, problems: [] });
  });

  it('stays stale when the rebuild is cancelled, and finds the rows rebuilt so far', async () => {
    for (const street of ['Bahnhofstraße', 'Schloßstraße', 'Marktstraße']) {
      addNote(street, `Works on ${street}.`);
    }
    await makeIndexOld();

    const controller = new AbortController();
    const rebuilding = rebuildSearchIndex(db, {
      batchSize: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });

    await expect(rebuilding).rejects.toBeInstanceOf(DossierError);
    await expect(rebuilding).rejects.toMatchObject({ code: 'cancelled' });
    expect(readSearchKeyVersion(db)).toBeNull();
    expect(isSearchIndexStale(db)).toBe(true);
    expect((await checkDatabase(db)).problems).toEqual([
      'the search index waits to be rebuilt (after an upgrade, or a rebuild that stopped): run `dossier reindex`, or open the notebook in Dossier',
    ]);
    expect(found('bahnhofstrasse')).toEqual(['note Bahnhofstraße']);

    await rebuildSearchIndex(db);
    expect(found('works').sort()).toEqual([
      'note Bahnhofstraße',
      'note Marktstraße',
      'note Schloßstraße',
    ]);
    expect(isSearchIndexStale(db)).toBe(false);
  });

  it('is left as it was when the rebuild is cancelled before it starts', async () => {
    addNote('Ferries', 'The ferry left at dawn.');
    const controller = new AbortController();
    controller.abort();

    await expect(rebuildSearchIndex(db, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(isSearchIndexStale(db)).toBe(false);
    expect(found('dawn')).toEqual(['note Ferries']);
  });
});

describe('rebuilding the search index', () => {
  it('stays right when notes change between its batches', async () => {
    const rebuiltFirst = addNote('Harbour plan', 'Moorings for the old fleet.');
    const trashedMeanwhile = addNote('Lighthouse', 'A beacon on the cape.');
    const savedBeforeItsBatch = addNote('Customs', 'Tariffs on grain.');

    let interleaved = false;
    const progress: Array<[number, number]> = [];
    const counts = await rebuildSearchIndex(db, {
      batchSize: 1,
      onProgress: (done, total) => {
        progress.push([done, total]);
        if (interleaved) return;
        interleaved = true;
        const save = (noteId: number, title: string, text: string) =>
          saveNote(db, { noteId: String(noteId), title, body: buildNoteBody(text, []) });
        save(rebuiltFirst, 'Harbour plan', 'Moorings for the new ferries.');
        save(savedBeforeItsBatch, 'Customs', 'Duties on timber.');
        deleteNote(db, trashedMeanwhile);
        addNote('Pilots', 'Pilots guide ships into the harbour.');
      },
    });

    expect(counts).toEqual({ sources: 0, passages: 0, notes: 2 });
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
    ]);
    expect(found('ferries')).toEqual(['note Harbour plan']);
    expect(found('fleet')).toEqual([]);
    expect(found('beacon')).toEqual([]);
    expect(found('timber')).toEqual(['note Customs']);
    expect(found('grain')).toEqual([]);
    expect(found('pilots')).toEqual(['note Pilots']);
    expect(await checkDatabase(db)).toMatchObject({ ok: true, problems: [] });
  });

  it('of an empty notebook records the version and reports no progress', async () => {
    db.prepare('UPDATE search_index_state SET search_key_version = 0').run();
    const progress: Array<[number, number]> = [];
    const counts = await rebuildSearchIndex(db, { onProgress: (...call) => progress.push(call) });
    expect(counts).toEqual({ sources: 0, passages: 0, notes: 0 });
    expect(progress).toEqual([]);
    expect(isSearchIndexStale(db)).toBe(false);
  });
});
