import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/createCore';
import { latestSchemaVersion } from '../../src/core/db/migrations';
import { NotebookJsonReader } from '../../src/core/export/jsonRowReader';
import { notebookTables, tableColumns } from '../../src/core/export/notebookFormat';
import type { OperationContext } from '../../src/shared/api';
import { buildGoldenNote, fixtureBase64, lexical } from './support/richNotebook';
import { expectDossierRejection } from './support/tempCore';
import { useTempFolder } from './support/tempFolder';

/** Two notebooks per test: the one exported, and an empty one to import into. */
const cores: Core[] = [];
const temp = useTempFolder('dossier-roundtrip-', () => () => {
  cores.splice(0).forEach((core) => core.close());
});

function openNotebook(name: string): Core {
  const core = createCore(path.join(temp.path, name));
  cores.push(core);
  return core;
}

/** Everything a notebook holds, built the way the app builds it. */
async function fillNotebook(core: Core): Promise<void> {
  const golden = await buildGoldenNote(core, { breakLink: false });
  const pasted = await core.importText({
    title: 'Ferry timetable',
    text: 'Ferry timetable\n\nThe first ferry leaves at six. The last one returns at nine.',
  });
  const first = core.markPassage({
    sourceId: pasted.sourceId,
    quote: 'first ferry leaves at six',
    color: 'green',
    comment: 'Early.',
  });
  const last = core.markPassage({ sourceId: pasted.sourceId, quote: 'last one returns at nine' });
  await core.importText({
    revisionOf: pasted.sourceId,
    text: 'Ferry timetable\n\nFrom May, the first ferry leaves at seven.',
  });
  const persian = await core.importFile({
    fileName: 'persian-article.txt',
    contentBase64: fixtureBase64('persian-article.txt'),
  });
  const markdown = await core.importFile({
    fileName: 'field-notes.md',
    contentBase64: fixtureBase64('markdown/field-notes.md'),
  });
  core.annotatePassage({ passageId: golden.pdfPassageId, comment: 'Dated layers.' });
  core.setHighlightColorLabel({ color: 'green', label: 'timing' });

  const { noteId: timing } = core.createNote({
    title: 'Timing',
    passageIds: [first.passageId, last.passageId],
  });
  core.saveNote({
    noteId: timing,
    title: 'Timing of ferries',
    body: lexical.body(
      lexical.paragraph(lexical.text('Changed in May: ', 1)),
      lexical.paragraph(
        lexical.passageLink(first.passageId, pasted.sourceId, lexical.text('first ferry')),
      ),
    ),
  });
  const { noteId: trashed } = core.createNote({ title: 'Scratch', text: 'to be thrown away' });
  core.deleteNote({ noteId: trashed });
  core.deleteSource({ sourceId: markdown.sourceId });

  core.setSourceTags({ sourceId: golden.webSourceId, tags: ['harbour', 'Storms'] });
  core.setSourceTags({ sourceId: persian.sourceId, tags: ['فارسی'] });
  core.setNoteTags({ noteId: golden.noteId, tags: ['harbour'] });
  core.setNoteTags({ noteId: trashed, tags: ['scratch'] });
  const collection = core.createCollection({ name: 'Coast' });
  core.addToCollection({
    collectionId: collection.id,
    sourceIds: [golden.webSourceId, golden.pdfSourceId, markdown.sourceId],
    noteIds: [golden.noteId, trashed],
  });
}

/** The tables SQLite holds, less its own and the search index's (derived, compared by searching). */
function dataTables(db: Database.Database): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE '%_fts' AND name NOT LIKE '%_fts_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
}

/** Every row of every table, in a stable order. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      dataTables(db).map((table) => {
        const rows = db.prepare(`SELECT * FROM ${table}`).all();
        const sorted = rows.map((row) => JSON.stringify(row, bytesAsBase64)).sort();
        return [table, sorted];
      }),
    );
  } finally {
    db.close();
  }
}

function bytesAsBase64(_key: string, value: unknown): unknown {
  const buffer = value as { type?: string; data?: number[] };
  return buffer?.type === 'Buffer' && Array.isArray(buffer.data)
    ? Buffer.from(buffer.data).toString('base64')
    : value;
}

function rowCount(core: Core): number {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    return notebookTables.reduce(
      (sum, { name }) => sum + (db.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number),
      0,
    );
  } finally {
    db.close();
  }
}

async function exported(): Promise<{ source: Core; file: string }> {
  const source = openNotebook('source.db');
  await fillNotebook(source);
  const file = path.join(temp.path, 'notebook.json');
  await source.exportNotebook({ destination: file });
  return { source, file };
}

/** Writes a changed copy of an export, for the refusals. */
let rewrites = 0;
function rewrite(file: string, change: (text: string) => string): string {
  const changed = path.join(temp.path, `changed-${++rewrites}.json`);
  fs.writeFileSync(changed, change(fs.readFileSync(file, 'utf8')));
  return changed;
}

describe('exporting and importing a whole notebook', () => {
  it('holds every table of the schema, column for column', () => {
    const core = openNotebook('empty.db');
    const db = new Database(core.databaseFile, { readonly: true });
    try {
      const derived = ['search_index_state', 'note_to_note_links'];
      expect(notebookTables.map(({ name }) => name).sort()).toEqual(
        dataTables(db).filter((name) => !derived.includes(name)),
      );
      for (const spec of notebookTables) {
        const columns = db.pragma(`table_info(${spec.name})`) as Array<{
          name: string;
          notnull: number;
          pk: number;
        }>;
        expect(tableColumns(spec).sort(), spec.name).toEqual(
          columns.map(({ name }) => name).sort(),
        );
        // Columns stored otherwise than the file holds them are the storage's to fill.
        for (const column of columns.filter(({ name }) =>
          spec.columns.some((c) => c.name === name),
        )) {
          const declared = spec.columns.find(({ name }) => name === column.name)!;
          // A NOT NULL column (or a key) is never written as null.
          if (column.notnull || column.pk)
            expect(declared.nullable, `${spec.name}.${column.name}`).toBe(false);
        }
      }
    } finally {
      db.close();
    }
  });

  it('imports into an empty notebook every row of every table, with the same ids', async () => {
    const { source, file } = await exported();
    const result = await source.exportNotebook({ destination: path.join(temp.path, 'again.json') });
    expect(result).toMatchObject({ schemaVersion: latestSchemaVersion });
    expect(result.rows).toMatchObject({
      sources: 5,
      source_versions: 6,
      notes: 3,
      note_revisions: 1,
      collections: 1,
    });
    expect(result.bytes).toBe(fs.statSync(result.file).size);

    const target = openNotebook('target.db');
    const imported = await target.importNotebook({ file });
    expect(imported).toEqual({ file, rows: result.rows });
    expect(dump(target.databaseFile)).toEqual(dump(source.databaseFile));
  });

  it('searches the imported notebook as the one it came from, and finds no damage in it', async () => {
    const { source, file } = await exported();
    const target = openNotebook('target.db');
    await target.importNotebook({ file });
    for (const query of [
      'quay',
      'marsh',
      'ferry',
      'early',
      'Changed',
      'بندر',
      'version:all nine',
      'tag:harbour',
      'scratch',
      'type:note timing',
    ]) {
      expect(target.search({ query }), query).toEqual(source.search({ query }));
    }
    expect(target.search({ query: 'ferry' }).length).toBeGreaterThan(0);
    expect(target.search({ query: 'version:all nine' })).toContainEqual(
      expect.objectContaining({ kind: 'source', versionNumber: 1 }),
    );
    // The trashed note stays out of search, as it was.
    expect(target.search({ query: 'scratch' })).toEqual([]);
    expect(await target.checkNotebook({})).toMatchObject({ ok: true, problems: [] });
    expect(target.searchIndexIsStale()).toBe(false);
    expect(
      target
        .listTrash({})
        .map((item) => item.kind)
        .sort(),
    ).toEqual(['note', 'source']);
  });

  it('writes one row per line, documented header first', async () => {
    const { file } = await exported();
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(JSON.parse(`${lines[0]!.slice(0, -1)}}`)).toEqual({
      format: 'dossier-notebook',
      formatVersion: 1,
      schemaVersion: latestSchemaVersion,
      exportedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const rows = lines.slice(1).filter((line) => line.startsWith('{"'));
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect(() => JSON.parse(row.replace(/,$/, ''))).not.toThrow();
  });

  it('reads the file whatever its layout', async () => {
    const { source, file } = await exported();
    const pretty = rewrite(file, (text) => JSON.stringify(JSON.parse(text), null, 3));
    const target = openNotebook('target.db');
    await target.importNotebook({ file: pretty });
    expect(dump(target.databaseFile)).toEqual(dump(source.databaseFile));
  });

  it('never writes over an existing file', async () => {
    const source = openNotebook('source.db');
    const destination = path.join(temp.path, 'taken.json');
    fs.writeFileSync(destination, 'mine');
    await expectDossierRejection(() => source.exportNotebook({ destination }), 'already_exists');
    expect(fs.readFileSync(destination, 'utf8')).toBe('mine');
  });

  it('keeps no file when the export is cancelled', async () => {
    const source = openNotebook('source.db');
    await fillNotebook(source);
    const destination = path.join(temp.path, 'cancelled.json');
    const controller = new AbortController();
    const operation: OperationContext = {
      signal: controller.signal,
      progress: (done) => done > 0 && controller.abort(),
    };
    await expectDossierRejection(
      () => source.exportNotebook({ destination, operationId: 'x' }, operation),
      'cancelled',
    );
    expect(fs.existsSync(destination)).toBe(false);
  });
});

describe('refusing a notebook export', () => {
  it('refuses a notebook that is not empty, and leaves it as it was', async () => {
    const { file } = await exported();
    const target = openNotebook('target.db');
    await target.importText({ text: 'Mine\n\nAlready here.' });
    const before = dump(target.databaseFile);
    const error = await expectDossierRejection(() => target.importNotebook({ file }), 'conflict');
    expect(error.message).toMatch(/^This notebook is not empty \(1 source, 1 source version\): /);
    expect(dump(target.databaseFile)).toEqual(before);
  });

  it('refuses another format, another format version, a newer schema', async () => {
    const { file } = await exported();
    const target = openNotebook('target.db');
    const cases: Array<[string, (text: string) => string, RegExp]> = [
      [
        'other format',
        (t) => t.replace('"dossier-notebook"', '"joplin"'),
        /does not say "format": "dossier-notebook"/,
      ],
      [
        'format version 2',
        (t) => t.replace('"formatVersion":1', '"formatVersion":2'),
        /format version 2; this Dossier reads version 1/,
      ],
      [
        'newer schema',
        (t) => t.replace(/"schemaVersion":\d+/, '"schemaVersion":999'),
        /written by a newer Dossier \(notebook schema 999/,
      ],
      [
        'unknown table',
        (t) => t.replace('"tables":{', '"tables":{"secrets":[],'),
        /a table "secrets" this Dossier does not know/,
      ],
      [
        'unknown column',
        (t) => t.replace('{"id":1,"title":', '{"id":1,"colour":"red","title":'),
        /columns this Dossier does not know \(colour\)/,
      ],
      [
        'not JSON at all',
        () => 'Title,Body\nA,B\n',
        /not a Dossier notebook export: at character 0/,
      ],
    ];
    for (const [name, change, message] of cases) {
      const error = await expectDossierRejection(
        () => target.importNotebook({ file: rewrite(file, change) }),
        'unsupported',
      );
      expect(error.message, name).toMatch(message);
    }
    expect(rowCount(target)).toBe(0);
  });

  it('refuses a file cut short, a changed text, a changed original or a broken reference, and stays empty', async () => {
    const { source, file } = await exported();
    const target = openNotebook('target.db');
    const bytes = fs.readFileSync(file);
    const truncated = path.join(temp.path, 'truncated.json');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const cases: Array<[string, string, RegExp]> = [
      ['truncated', truncated, /ends before the notebook does.*cut short/],
      [
        'version text',
        rewrite(file, (t) =>
          t.replace('The first ferry leaves at six', 'The first ferry leaves at ten'),
        ),
        /does not match its SHA-256/,
      ],
      [
        'original',
        rewrite(file, (t) => t.replace(/("data":")[A-Za-z0-9+/]{8}/, '$1AAAAAAAA')),
        /original file \d+ (does not match its SHA-256|cannot be decompressed)/,
      ],
      [
        'reference',
        rewrite(file, (t) => t.replace('{"note_id":1,', '{"note_id":77,')),
        /note_id points at notes 77, which the file does not hold/,
      ],
    ];
    for (const [name, changed, message] of cases) {
      const error = await expectDossierRejection(
        () => target.importNotebook({ file: changed }),
        'damaged',
      );
      expect(error.message, name).toMatch(message);
      expect(rowCount(target), name).toBe(0);
    }
    // Nothing was left behind: the whole file still imports.
    await target.importNotebook({ file });
    expect(dump(target.databaseFile)).toEqual(dump(source.databaseFile));
  });

  it('stops when cancelled while it reads, before writing anything', async () => {
    const { file } = await exported();
    const target = openNotebook('target.db');
    const controller = new AbortController();
    controller.abort();
    await expectDossierRejection(
      () =>
        target.importNotebook(
          { file, operationId: 'x' },
          { signal: controller.signal, progress: () => undefined },
        ),
      'cancelled',
    );
    expect(rowCount(target)).toBe(0);
  });

  it('refuses a missing file', async () => {
    const target = openNotebook('target.db');
    await expectDossierRejection(
      () => target.importNotebook({ file: path.join(temp.path, 'nope.json') }),
      'not_found',
    );
  });
});

describe('the streaming reader', () => {
  it('reads the same rows whatever the chunks it is given, even one character at a time', () => {
    const text = JSON.stringify({
      format: 'dossier-notebook',
      note: 'quote " and \\ backslash, {braces} [brackets], 𝔸 emoji 🚢 and فارسی',
      tables: {
        a: [
          { x: 1, y: 'a "}]" b', z: [1, { w: null }] },
          { x: -2.5e3, y: '\\"' },
        ],
        b: [],
      },
    });
    for (const size of [1, 2, 3, 7, 64]) {
      const events: unknown[] = [];
      const reader = new NotebookJsonReader('test.json', {
        header: (key, value) => events.push(['header', key, value]),
        tableStart: (name) => events.push(['start', name]),
        row: (table, row) => events.push(['row', table, row]),
        tableEnd: (name) => events.push(['end', name]),
      });
      for (let index = 0; index < text.length; index += size)
        reader.feed(text.slice(index, index + size));
      reader.end();
      const parsed = JSON.parse(text) as { tables: { a: unknown[] } } & Record<string, unknown>;
      expect(events, `chunks of ${size}`).toEqual([
        ['header', 'format', 'dossier-notebook'],
        ['header', 'note', parsed.note],
        ['start', 'a'],
        ['row', 'a', parsed.tables.a[0]],
        ['row', 'a', parsed.tables.a[1]],
        ['end', 'a'],
        ['start', 'b'],
        ['end', 'b'],
      ]);
    }
  });
});
