import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from './support/tempFolder';
import { expectDossierError } from './support/tempCore';
import type { SearchHit } from '../../src/shared/api';
import { checkDatabase } from '../../src/core/db/checkDatabase';
import { openDatabase, type WritableDB } from '../../src/core/db/openDatabase';
import { rebuildSearchIndex } from '../../src/core/search/reindex';
import { searchAll } from '../../src/core/search/search';
import { importText } from '../../src/core/sources/importSource';

let db: WritableDB;
useTempFolder('dossier-search-versions-', (folder) => {
  db = openDatabase(path.join(folder, 'dossier.db'));
  return () => db.close();
});

const V1 = 'Ferry report\n\nThe ferry left at dawn with forty passengers aboard.';
const V2 = 'Ferry report\n\nThe ferry left at noon with forty passengers aboard.';
const V3 = 'Ferry report\n\nThe ferry left at noon with forty-two passengers aboard.';

/** A source whose first version said "dawn", and whose later versions say "noon". */
async function revisedSource(...texts: string[]): Promise<string> {
  const [first, ...later] = texts;
  const { sourceId } = await importText(db, { text: first ?? '' });
  for (const text of later) await importText(db, { revisionOf: sourceId, text });
  return sourceId!;
}

function search(query: string): SearchHit[] {
  return searchAll(db, query, 20);
}

/** The highlighted words of a hit's snippet. */
function highlighted(hit: SearchHit | undefined): string[] {
  return (hit?.highlights ?? []).map(([start, end]) => hit!.snippet!.slice(start, end));
}

describe('searching older versions of sources', () => {
  it('finds a word only an older version holds with version:all, and only then', async () => {
    const sourceId = await revisedSource(V1, V2);

    expect(search('dawn')).toEqual([]);
    expect(search('dawn version:current')).toEqual([]);

    const hits = search('dawn version:all');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'source', id: sourceId, versionNumber: 1 });
    expect(hits[0]!.snippet).toContain('left at dawn');
    expect(highlighted(hits[0])).toEqual(['dawn']);
  });

  it('shows a hit in the current version without versionNumber, and a source once', async () => {
    const sourceId = await revisedSource(V1, V2, V3);

    // "forty" is in every version, "passengers" too: the current version is the hit.
    const [hit, ...others] = search('forty passengers version:all');
    expect(others).toEqual([]);
    expect(hit).toMatchObject({ kind: 'source', id: sourceId });
    expect(hit).not.toHaveProperty('versionNumber');
    expect(hit!.snippet).toContain('forty-two');

    // The phrase is in versions 1 and 2 (3 says "forty-two passengers"): the latest is the hit.
    expect(search('"forty passengers" version:all')).toEqual([
      expect.objectContaining({ id: sourceId, versionNumber: 2 }),
    ]);
    expect(search('"forty passengers"')).toEqual([]);
  });

  it('ranks older versions with the other source hits and applies the filters to them', async () => {
    const revised = await revisedSource(V1, V2);
    const { sourceId: other } = await importText(db, {
      text: 'Harbour log\n\nAt dawn the harbour was quiet; dawn patrols counted the boats at dawn.',
    });

    const hits = search('dawn version:all');
    expect(hits.map((hit) => hit.id).sort()).toEqual([revised, other].sort());
    expect(hits.every((hit) => hit.kind === 'source')).toBe(true);
    expect(hits.map((hit) => hit.score).sort()).toEqual([0.5, 1]);

    expect(search('dawn version:all -passengers')).toEqual([
      expect.objectContaining({ id: other }),
    ]);
    expect(search('dawn version:all type:note')).toEqual([]);
    expect(search('dawn version:all -type:source')).toEqual([]);
  });

  it('refuses other versions than all and current', () => {
    const error = expectDossierError(() => search('dawn version:2'), 'invalid_argument');
    expect(error.message).toContain('version:all');
    expectDossierError(() => search('dawn -version:all'), 'invalid_argument');
    expect(() => search('dawn version:ALL version:Current')).not.toThrow();
  });

  it('still finds older versions after the search index is rebuilt, and check passes', async () => {
    const sourceId = await revisedSource(V1, V2, V3);

    expect(await checkDatabase(db)).toMatchObject({ ok: true, problems: [] });
    const counts = await rebuildSearchIndex(db, { batchSize: 1 });
    expect(counts).toEqual({ sources: 1, passages: 0, notes: 0 });

    expect(search('dawn version:all')).toEqual([
      expect.objectContaining({ id: sourceId, versionNumber: 1 }),
    ]);
    expect(search('"at noon with forty passengers" version:all')).toEqual([
      expect.objectContaining({ id: sourceId, versionNumber: 2 }),
    ]);
    expect(search('dawn')).toEqual([]);
    expect(search('forty-two')).toEqual([
      expect.not.objectContaining({ versionNumber: expect.anything() }),
    ]);
    expect(await checkDatabase(db)).toMatchObject({ ok: true, problems: [] });
  });

  it('indexes the replaced version in the revision, not the duplicates', async () => {
    const sourceId = await revisedSource(V1, V2);
    expect((await importText(db, { revisionOf: sourceId, text: V1 })).status).toBe('duplicate');
    const count = db.prepare('SELECT count(*) FROM old_versions_fts').pluck().get();
    expect(count).toBe(1);
  });
});
