/** Renaming a source and correcting its metadata: stored, searched, filtered, validated; texts untouched. */
import { describe, expect, it } from 'vitest';
import { callCore } from '../../src/cli/callCore';
import type { ApiArgs } from '../../src/shared/api';
import { expectDossierRejection, useTempCore } from './support/tempCore';

const notebook = useTempCore();

/** Through the contract, as every host calls: arguments checked and normalised by its schema. */
function editSource(args: ApiArgs<'editSource'>) {
  return callCore(notebook.core, 'editSource', args);
}

const ARTICLE = 'River delta\n\nThe ferry leaves at dawn from the northern pier.';

async function importArticle(text = ARTICLE): Promise<string> {
  const { sourceId } = await notebook.core.importText({ text });
  return sourceId;
}

function sourceHits(query: string): string[] {
  return notebook.core
    .search({ query, limit: 50 })
    .filter((hit) => hit.kind === 'source')
    .map((hit) => hit.id);
}

function metadataOf(sourceId: string) {
  const { title, byline, siteName, url, publishedAt, lang, dir } = notebook.core.getSource({
    sourceId,
  });
  return { title, byline, siteName, url, publishedAt, lang, dir };
}

const edited = {
  title: 'Delta crossings',
  byline: 'Ann Lee',
  siteName: 'Harbour News',
  url: 'https://example.com/delta',
  publishedAt: '2024-03-26',
  lang: 'fa-IR',
  dir: 'rtl',
} as const;

describe('editSource', () => {
  it('sets every field, returns the source as getSource does, and clears the nullable ones', async () => {
    const sourceId = await importArticle();
    const result = await editSource({ sourceId, ...edited });
    expect(result).toEqual(notebook.core.getSource({ sourceId }));
    expect(metadataOf(sourceId)).toEqual(edited);
    expect(notebook.core.listSources({})[0]).toMatchObject(edited);

    // Absent fields stay; null and empty strings clear.
    await editSource({ sourceId, byline: null, siteName: '', url: null });
    await editSource({ sourceId, publishedAt: null, lang: '', dir: null });
    expect(metadataOf(sourceId)).toEqual({
      title: 'Delta crossings',
      byline: null,
      siteName: null,
      url: null,
      publishedAt: null,
      lang: null,
      dir: null,
    });
  });

  it('trims, accepts a date and time, and writes an address as the URL standard does', async () => {
    const sourceId = await importArticle();
    await editSource({
      sourceId,
      title: '  Delta crossings  ',
      byline: ' Ann Lee ',
      url: 'HTTPS://Example.com',
      publishedAt: '2024-02-29T14:05:00+03:30',
      lang: 'zh-Hant-TW',
      dir: 'ltr',
    });
    expect(metadataOf(sourceId)).toMatchObject({
      title: 'Delta crossings',
      byline: 'Ann Lee',
      url: 'https://example.com/',
      publishedAt: '2024-02-29T14:05:00+03:30',
      lang: 'zh-Hant-TW',
      dir: 'ltr',
    });
  });

  it('searches a source by its new title, no longer by the old one, in every version', async () => {
    const sourceId = await importArticle('Mangrove report\n\nThe ferry leaves at dawn.');
    await editSource({ sourceId, title: 'Lagoon ferries' });
    await notebook.core.importText({
      text: 'Mangrove report\n\nThe ferry leaves at dusk.',
      revisionOf: sourceId,
    });
    // "dawn" is only in version 1, now an older version indexed under the title it had.
    const inOldVersion = (query: string) =>
      notebook.core
        .search({ query: `${query} dawn version:all`, limit: 5 })
        .map((hit) => [hit.id, hit.kind === 'source' ? hit.versionNumber : undefined]);
    expect(inOldVersion('lagoon')).toEqual([[sourceId, 1]]);

    await editSource({ sourceId, title: 'Estuary timetable' });
    expect(sourceHits('estuary')).toEqual([sourceId]);
    expect(sourceHits('lagoon')).toEqual([]);
    expect(inOldVersion('estuary')).toEqual([[sourceId, 1]]);
    expect(inOldVersion('lagoon')).toEqual([]);
    // The document's own title block is still in its text, so the text still finds it.
    const [hit] = notebook.core.search({ query: 'mangrove', limit: 5 });
    expect(hit).toMatchObject({ kind: 'source', id: sourceId, title: 'Estuary timetable' });
    expect((await notebook.core.checkNotebook({})).ok).toBe(true);
  });

  it('drops the old title from the index when the text does not hold it', async () => {
    const sourceId = await importArticle();
    await editSource({ sourceId, title: 'Lagoon ferries' });
    expect(sourceHits('lagoon')).toEqual([sourceId]);
    await editSource({ sourceId, title: 'Estuary timetable' });
    expect(sourceHits('lagoon')).toEqual([]);
    expect(sourceHits('estuary')).toEqual([sourceId]);
  });

  it('never changes the stored texts of the versions', async () => {
    const sourceId = await importArticle();
    const before = notebook.core.getSource({ sourceId });
    await editSource({ sourceId, ...edited });
    const after = notebook.core.getSource({ sourceId });
    expect(after.text).toBe(ARTICLE);
    expect(after.blocks).toEqual(before.blocks);
    expect(after.versions).toEqual(before.versions);
    expect(after.original).toEqual(before.original);
  });

  it('is seen by the site:, lang:, before: and after: filters', async () => {
    const sourceId = await importArticle();
    const other = await importArticle('Another river\n\nThe ferry is late.');
    expect(sourceHits('ferry site:harbour.example')).toEqual([]);

    await editSource({
      sourceId,
      siteName: 'harbour.example',
      lang: 'fa',
      publishedAt: '1999-05-01',
    });
    expect(sourceHits('ferry site:harbour.example')).toEqual([sourceId]);
    expect(sourceHits('ferry lang:fa')).toEqual([sourceId]);
    expect(sourceHits('ferry before:2000')).toEqual([sourceId]);
    expect(sourceHits('ferry after:2000')).toEqual([other]);

    await editSource({ sourceId, siteName: null, lang: 'en', publishedAt: '2031-01-02' });
    expect(sourceHits('ferry site:harbour.example')).toEqual([]);
    expect(sourceHits('ferry lang:fa')).toEqual([]);
    expect(sourceHits('ferry after:2030-12')).toEqual([sourceId]);
  });

  it('refuses bad values with a message that says what to write, and changes nothing', async () => {
    const sourceId = await importArticle();
    await editSource({ sourceId, ...edited });
    const before = notebook.core.getSource({ sourceId });
    const refusals: Array<[Omit<ApiArgs<'editSource'>, 'sourceId'>, RegExp]> = [
      [{ title: '   ' }, /title: a title cannot be empty/],
      [{ title: 'x'.repeat(201) }, /title: a title has at most 200 characters/],
      [{ title: 'Two\nlines' }, /title: a title must be one line/],
      [{ byline: 'A\r\nB' }, /byline: an author must be one line/],
      [{ siteName: 's'.repeat(201) }, /siteName: a site name has at most 200 characters/],
      [{ url: 'example.com/page' }, /url: must be an absolute http or https address/],
      [{ url: 'ftp://example.com/file' }, /url: must be an absolute http or https address/],
      [{ url: 'javascript:alert(1)' }, /url: must be an absolute http or https address/],
      [{ publishedAt: '2026-02-30' }, /publishedAt: must be a real day written YYYY-MM-DD/],
      [{ publishedAt: '26/03/2024' }, /publishedAt: must be a real day/],
      [{ publishedAt: '2024-03-26T25:00:00Z' }, /publishedAt: must be a real day/],
      [{ lang: 'english language' }, /lang: must be a language tag like en/],
      [{ lang: 'e' }, /lang: must be a language tag/],
      [{ dir: 'up' as 'ltr' }, /dir: must be ltr or rtl/],
      [{ title: 123 as unknown as string }, /title:/],
    ];
    for (const [edits, message] of refusals) {
      const error = await expectDossierRejection(
        () => editSource({ sourceId, ...edits }),
        'invalid_argument',
      );
      expect(error.message).toMatch(message);
      // A refusal among good fields writes none of them.
      await expectDossierRejection(
        () => editSource({ sourceId, byline: 'Someone else', ...edits }),
        'invalid_argument',
      );
    }
    expect(notebook.core.getSource({ sourceId })).toEqual(before);
  });

  it('refuses an address another source already has (a page imported again goes by it), and keeps its own', async () => {
    const first = await importArticle();
    const second = await importArticle('Market\n\nStalls opened at dawn.');
    await editSource({ sourceId: first, url: 'https://example.com/delta' });
    const error = await expectDossierRejection(
      () => editSource({ sourceId: second, url: 'https://EXAMPLE.com/delta', title: 'Renamed' }),
      'conflict',
    );
    expect(error.message).toContain(`Source #${first}`);
    expect(metadataOf(second)).toMatchObject({ title: 'Market', url: null });
    // A source may be given its own address again.
    await editSource({ sourceId: first, url: 'https://example.com/delta' });
    expect(metadataOf(first).url).toBe('https://example.com/delta');
  });

  it('says not_found for a source that does not exist, and a bad id is an invalid argument', async () => {
    await importArticle();
    const missing = await expectDossierRejection(
      () => editSource({ sourceId: '999', title: 'Anything' }),
      'not_found',
    );
    expect(missing.message).toContain('999');
    await expectDossierRejection(() => editSource({ sourceId: 'abc' }), 'invalid_argument');
  });
});
