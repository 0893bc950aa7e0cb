import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/shared/importLimits';
import {
  expectDossierError,
  expectDossierRejection,
  hasSampleArticle,
  sampleArticleFile,
  toBase64,
  useTempCore,
} from './support/tempCore';

const fixtures = path.resolve(__dirname, '../fixtures');
const notebook = useTempCore();

/** Row counts of every table an import writes to. */
function counts(): Record<string, number> {
  const db = new Database(notebook.core.databaseFile, { readonly: true });
  try {
    const tables = ['sources', 'source_versions', 'sources_fts'];
    return Object.fromEntries(
      tables.map((table) => [
        table,
        db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
      ]),
    );
  } finally {
    db.close();
  }
}

describe('importing', () => {
  it('stores pasted text as a source with one version and finds it again', async () => {
    const outcome = await notebook.core.importText({
      text: 'A title\n\nFirst paragraph.\n\nSecond.',
    });
    expect(outcome).toEqual({ status: 'imported', sourceId: '1', title: 'A title', kind: 'text' });

    const source = notebook.core.getSource({ sourceId: '1' });
    expect(source).toMatchObject({
      id: '1',
      title: 'A title',
      kind: 'text',
      text: 'A title\n\nFirst paragraph.\n\nSecond.',
      passages: [],
      charCount: 34,
      passageCount: 0,
    });
    expect(source.blocks.map((block) => source.text.slice(block.start, block.end))).toEqual([
      'A title',
      'First paragraph.',
      'Second.',
    ]);
    expect(notebook.core.listSources({})).toEqual([expect.objectContaining({ id: '1' })]);
  });

  it('puts a given title in front of pasted text, once', async () => {
    const titled = await notebook.core.importText({ title: 'Clip', text: 'Only a paragraph.' });
    expect(notebook.core.getSource({ sourceId: titled.sourceId! }).text).toBe(
      'Clip\n\nOnly a paragraph.',
    );
    const repeated = await notebook.core.importText({ title: 'Head', text: 'Head\n\nBody.' });
    expect(notebook.core.getSource({ sourceId: repeated.sourceId! }).text).toBe('Head\n\nBody.');
  });

  it('reports a second import of the same text as a duplicate and stores nothing', async () => {
    const bytes = 'Same article\r\n\r\nSame body.\r\n';
    const first = await notebook.core.importFile({
      fileName: 'a.txt',
      contentBase64: toBase64(bytes),
    });
    const before = counts();
    // Different line ends, same version text.
    const again = await notebook.core.importText({ text: 'Same article\n\nSame body.' });
    expect(again).toEqual({
      status: 'duplicate',
      sourceId: first.sourceId,
      title: 'Same article',
      kind: 'text',
    });
    expect(counts()).toEqual(before);
  });

  it('lists sources newest first with passage and character counts', async () => {
    await notebook.core.importText({ text: 'Older\n\nbody' });
    await notebook.core.importText({ text: 'Newer\n\n软件包 🎉' });
    notebook.core.markPassage({ sourceId: '1', quote: 'body' });
    const list = notebook.core.listSources({});
    expect(list.map((source) => [source.title, source.passageCount, source.charCount])).toEqual([
      ['Newer', 0, 12],
      ['Older', 1, 11],
    ]);
  });

  it('shortens a very long first line for the title but keeps it whole in the text', async () => {
    const firstLine = 'word '.repeat(100).trim();
    const outcome = await notebook.core.importText({ text: firstLine });
    expect(outcome.title!.length).toBeLessThanOrEqual(201);
    expect(outcome.title).toMatch(/^word( word)* word…$/);
    expect(notebook.core.getSource({ sourceId: outcome.sourceId! }).text).toBe(firstLine);
  });

  describe('refuses bad input without touching the notebook', () => {
    const badFiles: Array<[string, () => Uint8Array, string, string]> = [
      ['an empty file', () => new Uint8Array(0), 'unsupported', 'input.txt is empty'],
      [
        'a whitespace-only file',
        () => Buffer.from(' \n\n \t\r\n'),
        'unsupported',
        'input.txt contains only whitespace',
      ],
      [
        'a PNG image',
        () => fs.readFileSync(path.join(fixtures, 'pixel.png')),
        'unsupported',
        'input.txt looks like a PNG image',
      ],
      [
        'a binary file under a text name',
        () => Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
        'unsupported',
        'input.txt contains a NUL byte',
      ],
      [
        'a file over the limit',
        () => Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a'),
        'too_large',
        'input.txt',
      ],
    ];
    for (const [what, bytes, code, message] of badFiles) {
      it(what, async () => {
        await notebook.core.importText({ text: 'Existing\n\nsource' });
        const before = counts();
        const error = await expectDossierRejection(
          () =>
            notebook.core.importFile({
              fileName: 'input.txt',
              contentBase64: toBase64(bytes()),
            }),
          code,
        );
        expect(error.message).toContain(message);
        expect(counts()).toEqual(before);
      });
    }

    it('whitespace-only pasted text and content that is not base64', async () => {
      const before = counts();
      const blank = await expectDossierRejection(
        () => notebook.core.importText({ text: '  \n\t ' }),
        'unsupported',
      );
      expect(blank.message).toContain('nothing to import');
      const notBase64 = await expectDossierRejection(
        () => notebook.core.importFile({ fileName: 'x.txt', contentBase64: 'not base64!' }),
        'invalid_argument',
      );
      expect(notBase64.message).toContain('x.txt is not valid base64');
      expect(counts()).toEqual(before);
    });
  });

  describe('importFiles', () => {
    it('imports each file apart: a bad file is reported and the others are kept', async () => {
      const outcomes = await notebook.core.importFiles({
        files: [
          { fileName: 'one.txt', contentBase64: toBase64('One\n\nFirst body.') },
          { fileName: 'empty.txt', contentBase64: '' },
          { fileName: 'again.txt', contentBase64: toBase64('One\n\nFirst body.') },
          { fileName: 'two.txt', contentBase64: toBase64('Two\n\nSecond body.') },
        ],
      });
      expect(outcomes).toEqual([
        { fileName: 'one.txt', status: 'imported', sourceId: '1', title: 'One', kind: 'text' },
        {
          fileName: 'empty.txt',
          status: 'error',
          error: { code: 'unsupported', message: expect.stringContaining('empty.txt is empty') },
          kind: 'text',
        },
        { fileName: 'again.txt', status: 'duplicate', sourceId: '1', title: 'One', kind: 'text' },
        { fileName: 'two.txt', status: 'imported', sourceId: '2', title: 'Two', kind: 'text' },
      ]);
      expect(counts()).toMatchObject({ sources: 2, source_versions: 2, sources_fts: 2 });
    });

    it('makes a page saved twice from one address a revision, searched under its newer text', async () => {
      const page = (title: string, body: string) =>
        toBase64(
          `<html><head><title>${title}</title>` +
            '<link rel="canonical" href="https://news.example/harbour"></head>' +
            `<body><article><h1>${title}</h1><p>${body}</p></article></body></html>`,
        );
      const outcomes = await notebook.core.importFiles({
        files: [
          {
            fileName: 'monday.html',
            contentBase64: page('Harbour repairs', 'The cranes stood idle at the quay all week.'),
          },
          {
            fileName: 'tuesday.html',
            contentBase64: page('Harbour repairs resume', 'Welders returned to the breakwater.'),
          },
        ],
      });
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'revised']);
      const found = notebook.core.search({ query: 'welders breakwater' });
      expect(found.map((hit) => [hit.id, hit.title])).toEqual([['1', 'Harbour repairs']]);
      expect(notebook.core.search({ query: 'cranes' })).toEqual([]);
      expect(notebook.core.search({ query: 'cranes version:all' })).toHaveLength(1);
    });

    it('finds the texts it holds already as duplicates, and stores one gone since it was read', async () => {
      const file = (title: string) => ({
        fileName: `${title}.txt`,
        contentBase64: toBase64(`${title}\n\nBody of ${title}.`),
      });
      await notebook.core.importFiles({ files: ['Kept', 'Trashed', 'Purged'].map(file) });
      notebook.core.deleteSource({ sourceId: '3' });
      const options = {
        signal: new AbortController().signal,
        // Once every file is read, before the batch is stored: 'Purged' leaves the
        // notebook, 'Trashed' goes to the trash.
        progress: (done: number, total: number) => {
          if (done < total) return;
          notebook.core.emptyTrash({});
          notebook.core.deleteSource({ sourceId: '2' });
        },
      };
      const outcomes = await notebook.core.importFiles(
        { files: ['Kept', 'Trashed', 'Purged', 'New'].map(file) },
        options,
      );
      expect(
        outcomes.map((outcome) => [outcome.status, 'title' in outcome && outcome.title]),
      ).toEqual([
        ['duplicate', 'Kept'],
        ['duplicate', 'Trashed'],
        ['imported', 'Purged'],
        ['imported', 'New'],
      ]);
      expect(notebook.core.listTrash({})).toEqual([]);
      expect(notebook.core.search({ query: 'purged' }).map((hit) => hit.title)).toEqual(['Purged']);
    });

    it('stores a batch wholly or not at all when the notebook refuses one of its documents', async () => {
      const db = new Database(notebook.core.databaseFile);
      db.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON sources WHEN NEW.title = 'Refused'
               BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
      db.close();
      const files = ['Kept', 'Refused', 'Also kept'].map((title) => ({
        fileName: `${title}.txt`,
        contentBase64: toBase64(`${title}\n\nBody of ${title}.`),
      }));
      await expect(notebook.core.importFiles({ files })).rejects.toThrow(/refused by the test/);
      expect(counts()).toMatchObject({ sources: 0, source_versions: 0, sources_fts: 0 });
    });

    it('reports progress per file and, once cancelled, marks the files left as cancelled', async () => {
      const controller = new AbortController();
      const seen: Array<[number, number]> = [];
      const outcomes = await notebook.core.importFiles(
        {
          files: ['a', 'b', 'c'].map((name) => ({
            fileName: `${name}.txt`,
            contentBase64: toBase64(`Title ${name}\n\nBody ${name}.`),
          })),
        },
        {
          signal: controller.signal,
          progress(done, total) {
            seen.push([done, total]);
            if (done === 1) controller.abort();
          },
        },
      );
      expect(seen).toEqual([[1, 3]]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'error', 'error']);
      expect(outcomes[1]).toMatchObject({ error: { code: 'cancelled' } });
      expect(notebook.core.listSources({}).map((source) => source.title)).toEqual(['Title a']);
    });
  });

  it('getSource of an unknown id is not_found', () => {
    const error = expectDossierError(() => notebook.core.getSource({ sourceId: '7' }), 'not_found');
    expect(error.message).toBe('No source with id 7');
  });

  it.skipIf(!hasSampleArticle)(
    'imports the sample article (skipped: ../shared absent)',
    async () => {
      const bytes = fs.readFileSync(sampleArticleFile);
      const outcome = await notebook.core.importFile({
        fileName: path.basename(sampleArticleFile),
        contentBase64: toBase64(bytes),
      });
      expect(outcome).toMatchObject({
        status: 'imported',
        title: 'Hamas Leader Thanks Iran For Support During Tehran Visit',
      });
      const again = await notebook.core.importFile({
        fileName: 'copy.txt',
        contentBase64: toBase64(bytes),
      });
      expect(again).toMatchObject({ status: 'duplicate', sourceId: outcome.sourceId });
      expect(notebook.core.listSources({})).toHaveLength(1);
    },
  );
});
