/** The `dossier` command as scripts use it: real files, a real notebook, JSON on stdout. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hasSampleArticle, repoRoot, sampleArticleFile } from '../support/sharedData';
import { useCliNotebook } from './support/cliNotebook';

if (!hasSampleArticle)
  console.log(`cli.test: sample article tests skipped: ${sampleArticleFile} is absent`);

const cli = useCliNotebook();
const { dossier, dossierJson } = cli;

/** Everything a command could have changed, for "the notebook is unchanged" checks. */
function notebookState(): string {
  if (!existsSync(cli.databaseFile)) return 'no notebook';
  return [dossier('list', '--json').stdout, dossier('notes', '--json').stdout].join('\n');
}

describe.skipIf(!hasSampleArticle)('dossier CLI on the sample article', () => {
  it('imports, marks, links a note and finds it all', () => {
    const [imported] = dossierJson<Array<Record<string, string>>>('import', sampleArticleFile);
    expect(imported).toMatchObject({
      file: sampleArticleFile,
      status: 'imported',
      title: 'Hamas Leader Thanks Iran For Support During Tehran Visit',
    });
    const sourceId = imported!.sourceId!;
    expect(sourceId).toMatch(/^\d+$/);

    const [again] = dossierJson<Array<Record<string, string>>>('import', sampleArticleFile);
    expect(again).toMatchObject({ status: 'duplicate', sourceId });
    expect(dossierJson<unknown[]>('list')).toHaveLength(1);

    const marked = dossierJson<{ passageId: string; start: number; end: number }>(
      'mark',
      sourceId,
      '--quote',
      'Iran is the biggest donor',
    );
    const shown = dossierJson<{
      id: string;
      title: string;
      text: string;
      passages: Array<{
        id: string;
        exact: string;
        start: number;
        end: number;
        status: string;
        noteIds: string[];
      }>;
    }>('show', sourceId);
    expect(shown.text.slice(marked.start, marked.end)).toBe('Iran is the biggest donor');
    expect(shown.text.startsWith('Hamas Leader Thanks Iran For Support During Tehran Visit')).toBe(
      true,
    );
    // The doubled photo caption is kept once.
    const caption = 'Hamas leader Ismail Haniyeh (3rd left) and Iran’s ruler Ali Khamenei (right)';
    expect(shown.text.split(caption).length - 1).toBe(1);

    const { noteId } = dossierJson<{ noteId: string }>(
      'note',
      'add',
      '--title',
      'Funding',
      '--text',
      'Who pays for the war?',
      '--link',
      marked.passageId,
    );
    const notes =
      dossierJson<Array<{ id: string; title: string; text: string; passageIds: string[] }>>(
        'notes',
      );
    expect(notes).toEqual([
      expect.objectContaining({ id: noteId, title: 'Funding', passageIds: [marked.passageId] }),
    ]);
    expect(notes[0]!.text).toContain('Who pays for the war?');

    const withBacklink = dossierJson<typeof shown>('show', sourceId);
    expect(withBacklink.passages).toEqual([
      expect.objectContaining({
        id: marked.passageId,
        exact: 'Iran is the biggest donor',
        status: 'exact',
        noteIds: [noteId],
      }),
    ]);

    const haniyeh = dossierJson<
      Array<{ kind: string; id: string; snippet: string; score: number }>
    >('search', 'Haniyeh');
    expect(haniyeh.find((hit) => hit.kind === 'source')).toMatchObject({ id: sourceId });
    const donor = dossierJson<
      Array<{ kind: string; id: string; sourceId?: string; snippet: string }>
    >('search', 'donor');
    expect(donor.find((hit) => hit.kind === 'passage')).toMatchObject({
      id: marked.passageId,
      sourceId,
      noteIds: [noteId],
    });
    expect(donor.find((hit) => hit.kind === 'note')).toMatchObject({ id: noteId });
    for (const hit of donor) expect(hit.snippet.toLowerCase()).toContain('donor');
  });

  it('refuses an ambiguous quote unless --occurrence picks one', () => {
    const [imported] = dossierJson<Array<{ sourceId: string }>>('import', sampleArticleFile);
    const before = notebookState();
    const ambiguous = dossier('mark', imported!.sourceId, '--quote', 'Haniyeh');
    expect(ambiguous.code).not.toBe(0);
    expect(ambiguous.stderr.trim().split('\n')).toHaveLength(1);
    expect(ambiguous.stderr).toMatch(/occurs \d+ times/);
    expect(notebookState()).toBe(before);
    const second = dossierJson<{ start: number }>(
      'mark',
      imported!.sourceId,
      '--quote',
      'Haniyeh',
      '--occurrence',
      '2',
    );
    const first = dossierJson<{ start: number }>(
      'mark',
      imported!.sourceId,
      '--quote',
      'Haniyeh',
      '--occurrence',
      '1',
    );
    expect(first.start).toBeLessThan(second.start);
  });
});

describe('dossier CLI on versions of a source', () => {
  const V1 =
    'Harbour\n\nThe ferry left at dawn. It carried forty passengers. The sea was calm.\n\nA closing line.\n';
  const V2 =
    'Harbour\n\nA storm came.\n\nThe ferry left at dusk. It carried forty passengers.\n\nA closing line.\n';

  function write(name: string, content: string): string {
    const file = path.join(cli.folder, name);
    writeFileSync(file, content);
    return file;
  }

  interface ShownSource {
    text: string;
    versionNumber: number;
    versions: Array<{ id: string; number: number; createdAt: string }>;
    passages: Array<{
      id: string;
      exact: string;
      status: string;
      score: number;
      start: number | null;
      end: number | null;
    }>;
  }

  it('adds a version with import --revision-of, reports it, shows both versions and the change', () => {
    const [imported] = dossierJson<Array<{ sourceId: string }>>('import', write('v1.txt', V1));
    const sourceId = imported!.sourceId;
    const calm = dossierJson<{ passageId: string }>(
      'mark',
      sourceId,
      '--quote',
      'The sea was calm.',
    );
    const passengers = dossierJson<{ passageId: string }>(
      'mark',
      sourceId,
      '--quote',
      'It carried forty passengers.',
    );
    const v2File = write('v2.txt', V2);

    const [revised] = dossierJson<Array<Record<string, unknown>>>(
      'import',
      v2File,
      '--revision-of',
      sourceId,
    );
    const shown = dossierJson<ShownSource>('show', sourceId);
    expect(revised).toEqual({
      file: v2File,
      status: 'revised',
      sourceId,
      title: 'Harbour',
      kind: 'text',
      versionId: shown.versions[1]!.id,
      report: {
        exact: expect.any(Number),
        moved: expect.any(Number),
        fuzzy: 0,
        orphaned: 1,
        passages: expect.arrayContaining([
          {
            id: calm.passageId,
            status: 'orphaned',
            score: expect.any(Number),
            oldText: 'The sea was calm.',
          },
        ]),
      },
    });
    const report = revised!.report as { exact: number; moved: number };
    expect(report.exact + report.moved).toBe(1);

    expect(shown.versionNumber).toBe(2);
    expect(shown.versions.map((version) => version.number)).toEqual([1, 2]);
    const byId = new Map(shown.passages.map((passage) => [passage.id, passage]));
    const kept = byId.get(passengers.passageId)!;
    expect(['exact', 'moved']).toContain(kept.status);
    expect(kept.score).toBe(1);
    expect(shown.text.slice(kept.start!, kept.end!)).toBe('It carried forty passengers.');
    expect(byId.get(calm.passageId)).toMatchObject({ status: 'orphaned', start: null, end: null });

    const old = dossierJson<ShownSource>('show', sourceId, '--version', '1');
    expect(old.text).toBe(V1.trimEnd());
    expect(
      old.passages.map((passage) => [passage.exact, old.text.slice(passage.start!, passage.end!)]),
    ).toEqual([
      ['It carried forty passengers.', 'It carried forty passengers.'],
      ['The sea was calm.', 'The sea was calm.'],
    ]);
    expect(dossier('show', sourceId).stdout).toMatch(
      new RegExp(`passage #${calm.passageId} no place orphaned score [\\d.]+: The sea was calm\\.`),
    );

    const readable = dossier('diff', sourceId);
    expect(readable.code).toBe(0);
    expect(readable.stdout).toContain(
      'The ferry left at [-dawn-]{+dusk+}. It carried forty passengers[-. The sea was calm-].',
    );
    expect(readable.stdout).toContain('{+A storm came.');
    expect(readable.stdout).not.toContain('A closing line.');
    const json = dossierJson<{
      from: number;
      to: number;
      segments: Array<{ kind: string; text: string }>;
    }>('diff', sourceId, '2', '1');
    expect([json.from, json.to]).toEqual([2, 1]);
    expect(
      json.segments.filter((segment) => segment.kind === 'added').map((s) => s.text),
    ).toContain('dawn');

    // The same text again is a duplicate, and a missing source or version exits 1.
    expect(
      dossierJson<Array<{ status: string }>>('import', v2File, '--revision-of', sourceId),
    ).toEqual([expect.objectContaining({ status: 'duplicate', sourceId })]);
    const missing = dossier('import', v2File, '--revision-of', '99');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('dossier: No source with id 99\n');
    const noVersion = dossier('show', sourceId, '--version', '3');
    expect(noVersion.code).toBe(1);
    expect(noVersion.stderr).toBe(
      `dossier: Source ${sourceId} has no version 3 (it has versions 1–2).\n`,
    );
  });

  it('prints a readable revision report and refuses bad version arguments', () => {
    const [imported] = dossierJson<Array<{ sourceId: string }>>('import', write('v1.txt', V1));
    const sourceId = imported!.sourceId;
    dossierJson('mark', sourceId, '--quote', 'The sea was calm.');
    const readable = dossier('import', write('v2.txt', V2), '--revision-of', sourceId);
    expect(readable.code).toBe(0);
    expect(readable.stdout).toMatch(/^revised {3}#\d+ {2}Harbour {2}\(.*v2\.txt\)\n/);
    expect(readable.stdout).toContain('passages: 0 exact, 0 moved, 0 fuzzy, 1 orphaned');
    expect(readable.stdout).toMatch(/orphaned passage #\d+ \(score [\d.]+\): “The sea was calm\.”/);

    expect(dossier('diff', sourceId, '1').code).toBe(2);
    expect(dossier('diff', sourceId, '0', '1').code).toBe(2);
    expect(dossier('show', sourceId, '--version', 'two').code).toBe(2);
    expect(dossier('import', write('v3.txt', 'x\n'), '--revision-of', 'abc').code).toBe(2);
    expect(dossier('diff', '99').code).toBe(1);
  });
});

describe('dossier CLI refuses bad input and changes nothing', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const cases: Array<[string, () => string, RegExp]> = [
    ['an empty file', () => write('empty.txt', ''), /empty/i],
    ['a whitespace-only file', () => write('blank.txt', ' \n\n\t\n'), /whitespace|empty/i],
    ['a PNG renamed .txt', () => write('photo.txt', png), /PNG|binary/i],
    [
      'an empty folder',
      () => {
        const dir = path.join(cli.folder, 'a-folder');
        mkdirSync(dir);
        return dir;
      },
      /a-folder holds no file/i,
    ],
    ['a missing path', () => path.join(cli.folder, 'nowhere.txt'), /no such file/i],
    [
      'invalid UTF-8',
      () => write('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b, 0x0a])),
      /UTF-8/,
    ],
    [
      'a file over the size limit',
      () => {
        const file = write('huge.txt', 'x');
        truncateSync(file, 25 * 1024 * 1024);
        return file;
      },
      /limit is \d/i,
    ],
  ];

  function write(name: string, content: string | Buffer): string {
    const file = path.join(cli.folder, name);
    writeFileSync(file, content);
    return file;
  }

  it.each(cases)('%s', (_name, makeFile, message) => {
    writeFileSync(path.join(cli.folder, 'ok.txt'), 'A title\n\nSome body text.\n');
    dossierJson('import', path.join(cli.folder, 'ok.txt'));
    const before = notebookState();
    const result = dossier('import', makeFile(), '--json');
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    const [outcome] = JSON.parse(result.stdout) as Array<{ status: string; error: string }>;
    expect(outcome).toMatchObject({ status: 'error', error: expect.stringMatching(message) });
    expect(notebookState()).toBe(before);
  });

  it('does not create a notebook when the only file is bad', () => {
    const result = dossier('import', path.join(cli.folder, 'missing.txt'));
    expect(result.code).not.toBe(0);
    expect(existsSync(cli.databaseFile)).toBe(false);
  });

  it('reports unknown commands and options as usage errors', () => {
    expect(dossier('frobnicate').code).toBe(2);
    expect(dossier('list', '--bogus').code).toBe(2);
    const missingArgument = dossier('show');
    expect(missingArgument.code).toBe(2);
    expect(missingArgument.stderr).toMatch(/SOURCE_ID/);
    expect(dossier('backup').code).toBe(2);
    expect(dossier('reindex', 'now').code).toBe(2);
  });

  it('exits 1 for a missing id, saying what is missing', () => {
    const missing = dossier('show', '999', '--json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('dossier: No source with id 999\n');
    expect(missing.stdout).toBe('');
  });
});

describe('dossier tag and tags', () => {
  it('replaces, lists and clears the tags of a source and a note', () => {
    const article = path.join(repoRoot, 'tests/fixtures/river-delta.txt');
    const [imported] = dossierJson<Array<{ sourceId: string }>>('import', article);
    const sourceId = imported!.sourceId;
    const { noteId } = dossierJson<{ noteId: string }>('note', 'add', '--title', 'Ferry');

    expect(dossierJson('tag', 'source', sourceId, 'rivers', 'Delta', 'delta')).toEqual({
      tags: ['Delta', 'rivers'],
    });
    expect(dossierJson('tag', 'note', noteId, 'delta')).toEqual({ tags: ['Delta'] });
    expect(dossierJson('tags')).toEqual([
      { name: 'Delta', sourceCount: 1, noteCount: 1 },
      { name: 'rivers', sourceCount: 1, noteCount: 0 },
    ]);
    expect(dossier('tag', 'source', sourceId).stdout).toBe(`source #${sourceId}: no tags\n`);

    const unknown = dossier('tag', 'note', '99', 'x');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('dossier: No note with id 99\n');
    expect(dossier('tag', 'passage', '1').code).toBe(2);
  });
});

describe('dossier note delete, note restore and trash', () => {
  it('moves a note to the trash and brings it back', () => {
    expect(dossier('trash').stdout).toBe('The trash is empty.\n');
    const { noteId } = dossierJson<{ noteId: string }>('note', 'add', '--title', 'Ferry times');

    expect(dossierJson('note', 'delete', noteId)).toEqual({ deleted: true });
    const trash = dossierJson<Array<Record<string, string>>>('trash');
    expect(trash).toEqual([
      { kind: 'note', id: noteId, title: 'Ferry times', deletedAt: expect.any(String) },
    ]);
    expect(dossier('trash').stdout).toBe(
      `note #${noteId}  Ferry times  (deleted ${trash[0]!.deletedAt})\n`,
    );
    expect(dossierJson('notes')).toEqual([]);

    expect(dossierJson('note', 'restore', noteId)).toEqual({ restored: true });
    expect(dossierJson('trash')).toEqual([]);
    expect(dossierJson<Array<{ id: string }>>('notes').map((note) => note.id)).toEqual([noteId]);

    const unknown = dossier('note', 'delete', '99');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('dossier: No note with id 99\n');
    expect(dossier('note', 'restore').code).toBe(2);
    expect(dossier('note', 'delete', noteId, '--title', 'x').code).toBe(2);
  });
});

describe('dossier source edit', () => {
  it('renames a source and corrects its metadata; show reports it; bad values and no option are refused', () => {
    const article = path.join(repoRoot, 'tests/fixtures/river-delta.txt');
    const [imported] = dossierJson<Array<{ sourceId: string }>>('import', article);
    const sourceId = imported!.sourceId;
    const textBefore = dossierJson<{ text: string }>('show', sourceId).text;

    const edited = dossier(
      'source',
      'edit',
      sourceId,
      '--title',
      'Delta crossings',
      '--author',
      'Ann Lee',
      '--site',
      'Harbour News',
      '--url',
      'https://example.com/delta',
      '--published',
      '2024-03-26',
      '--lang',
      'fa',
      '--dir',
      'rtl',
    );
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain(`#${sourceId}  Delta crossings  (version 1)\n`);
    expect(edited.stdout).toContain(
      'by Ann Lee · Harbour News · 2024-03-26 · fa, rtl · https://example.com/delta',
    );

    dossierJson('source', 'edit', sourceId, '--site', '', '--dir', '');
    const shown = dossierJson<Record<string, unknown>>('show', sourceId);
    expect(shown).toMatchObject({
      title: 'Delta crossings',
      byline: 'Ann Lee',
      siteName: null,
      url: 'https://example.com/delta',
      publishedAt: '2024-03-26',
      lang: 'fa',
      dir: null,
      text: textBefore,
    });

    const badDate = dossier('source', 'edit', sourceId, '--published', '2026-02-30');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/publishedAt: must be a real day written YYYY-MM-DD/);
    const noOption = dossier('source', 'edit', sourceId);
    expect(noOption.code).toBe(2);
    expect(noOption.stderr).toMatch(/source edit needs at least one option/);
    expect(dossierJson('show', sourceId)).toEqual(shown);
  });
});

describe('dossier backup, check and reindex', () => {
  const article = path.join(repoRoot, 'tests/fixtures/river-delta.txt');

  /** Another program writing to the notebook file, as a damaged or half-upgraded file would look. */
  function sqlite(statement: string): void {
    const db = new Database(cli.databaseFile);
    try {
      db.exec(statement);
    } finally {
      db.close();
    }
  }

  it('rebuilds an emptied search index with reindex, after which search finds it and check passes', () => {
    const [imported] = dossierJson<Array<{ sourceId: string }>>('import', article);
    sqlite(`INSERT INTO sources_fts(sources_fts) VALUES ('delete-all')`);
    expect(dossierJson('search', 'ferry')).toEqual([]);

    expect(dossierJson('reindex')).toEqual({ sources: 1, passages: 0, notes: 0 });
    const hits = dossierJson<Array<{ kind: string; id: string }>>('search', 'ferry');
    expect(hits).toEqual([expect.objectContaining({ kind: 'source', id: imported!.sourceId })]);

    const check = dossier('check');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^No problems found \(1 source/);
  });

  it('rebuilds an index an older Dossier made before it searches, as the app does on opening', () => {
    const [imported] = dossierJson<Array<{ sourceId: string }>>('import', article);
    // As migration 010 leaves a notebook: its index made anew, empty, to be rebuilt.
    sqlite(`INSERT INTO sources_fts(sources_fts) VALUES ('delete-all')`);
    sqlite('UPDATE search_index_state SET search_key_version = NULL');

    const hits = dossierJson<Array<{ kind: string; id: string }>>('search', 'ferry');
    expect(hits).toEqual([expect.objectContaining({ kind: 'source', id: imported!.sourceId })]);
    expect(dossier('check').stdout).toMatch(/^No problems found \(1 source/);
  });

  it('backs up to a new file, and refuses an existing one with exit 1 and its message', () => {
    dossierJson('import', article);
    const destination = path.join(cli.folder, 'backups', 'copy.db');
    const backup = dossierJson<{ file: string; bytes: number }>('backup', destination);
    expect(backup.file).toBe(destination);
    expect(readFileSync(destination).subarray(0, 15).toString()).toBe('SQLite format 3');

    const existing = path.join(cli.folder, 'precious.db');
    writeFileSync(existing, 'do not touch');
    const refused = dossier('backup', existing);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`dossier: ${existing} already exists; choose a new file name.\n`);
    expect(readFileSync(existing, 'utf8')).toBe('do not touch');
  });

  it('exits 1 and names the problem when check finds damage', () => {
    const [imported] = dossierJson<Array<{ sourceId: string }>>('import', article);
    const { passageId } = dossierJson<{ passageId: string }>(
      'mark',
      imported!.sourceId,
      '--quote',
      'ferry',
    );
    sqlite(`UPDATE passages SET exact = 'ferryman' WHERE id = ${passageId}`);
    const check = dossier('check');
    expect(check.code).toBe(1);
    expect(check.stderr).toBe(
      `dossier: passage ${passageId} no longer matches the text it was made on\n`,
    );
    expect(check.stdout).toMatch(/^1 problem/);
  });
});

describe('dossier serve', () => {
  it('prints the loopback address with a token first, and guards the API with it', async () => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'bin/dossier.cjs'), '--db', cli.databaseFile, 'serve', '--port', '0'],
      { cwd: cli.folder, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)$/.exec(firstLine);
      expect(match, firstLine).not.toBeNull();
      const [, port, token] = match!;
      const call = (headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${port}/api/listSources`, { method: 'POST', headers, body: '{}' });
      expect((await call({})).status).toBe(401);
      const reply = await call({ authorization: `Bearer ${token}` });
      expect(reply.status).toBe(200);
      expect(await reply.json()).toEqual({ ok: true, value: [] });

      const second = dossier('serve', '--port', port!);
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(/cannot listen on port \d+ \(EADDRINUSE\)/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

it('keeps the notebook in the file named by DOSSIER_DB when --db is absent', () => {
  const file = path.join(cli.folder, 'from-env.db');
  writeFileSync(path.join(cli.folder, 'a.txt'), 'Env title\n\nBody.\n');
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'bin/dossier.cjs'), 'import', path.join(cli.folder, 'a.txt'), '--json'],
    { encoding: 'utf8', env: { ...process.env, DOSSIER_DB: file } },
  );
  expect(result.status).toBe(0);
  expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
});
