/** `dossier import` of folders, every supported type and web addresses; `dossier original`. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/sharedData';
import { useCliNotebook } from './support/cliNotebook';

const cli = useCliNotebook();
const { dossier, dossierJson } = cli;

interface ImportResult {
  file: string;
  status: string;
  sourceId?: string;
  title?: string;
  kind: string | null;
  error?: string;
}

function page(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><title>${title}</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>${title}</h1>${body}</article><footer>Copyright the site</footer></body></html>`;
}

const ARTICLE_BODY = [
  'The harbour authority said on Tuesday that the northern quay would close for repairs.',
  'Engineers found cracks in the concrete after the winter storms, according to the report.',
  'Ferries will use the southern quay until the work is finished, probably in the spring.',
]
  .map((text) => `<p>${text} ${text} ${text}</p>`)
  .join('\n');

function write(relative: string, content: string | Buffer): string {
  const file = path.join(cli.folder, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** A folder with one file of each plain kind, a subfolder, and files that are not imported. */
function materialFolder(): string {
  write('material/article.txt', 'Quay closed\n\nThe northern quay closes for repairs.');
  write('material/page.html', page('Harbour repairs begin', ARTICLE_BODY));
  write(
    'material/notes.md',
    '---\ntitle: Field notes\nauthor: A. Analyst\n---\n\n# Field notes\n\nThe *quay* is closed.\n',
  );
  write('material/photo.png', readFileSync(path.join(repoRoot, 'tests/fixtures/pixel.png')));
  write('material/.hidden.txt', 'Hidden\n\nnot imported');
  write('material/older/report.txt', 'Older report\n\nThe quay was inspected last year.');
  return path.join(cli.folder, 'material');
}

describe('dossier import of folders', () => {
  it('imports the supported files of a folder, says why others are skipped, and goes into subfolders with --recursive', () => {
    const folder = materialFolder();
    const flat = cli.dossier('import', folder, '--json');
    expect(flat.code).toBe(0);
    const results = JSON.parse(flat.stdout) as ImportResult[];
    const byName = (name: string) => results.find((result) => path.basename(result.file) === name);
    expect(results.map((result) => path.basename(result.file))).toEqual([
      'article.txt',
      'notes.md',
      'page.html',
      'photo.png',
    ]);
    expect(byName('article.txt')).toMatchObject({ status: 'imported', kind: 'text' });
    expect(byName('page.html')).toMatchObject({
      status: 'imported',
      kind: 'web',
      title: 'Harbour repairs begin',
    });
    expect(byName('notes.md')).toMatchObject({
      status: 'imported',
      kind: 'markdown',
      title: 'Field notes',
    });
    expect(byName('photo.png')).toMatchObject({ status: 'skipped', kind: null });
    expect(byName('photo.png')?.error).toContain('.png');

    const recursive = dossierJson<ImportResult[]>('import', folder, '--recursive');
    expect(recursive.map((result) => [path.basename(result.file), result.status])).toEqual([
      ['article.txt', 'duplicate'],
      ['notes.md', 'duplicate'],
      ['page.html', 'duplicate'],
      ['photo.png', 'skipped'],
      ['report.txt', 'imported'],
    ]);
  });

  it('prints a summary line on stderr without --json, and one failed file does not stop the others', () => {
    const folder = materialFolder();
    write('material/empty.txt', '');
    write('material/binary.txt', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]));
    const result = dossier('import', folder, '--recursive');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('empty.txt is empty');
    expect(result.stderr).toContain('binary');
    expect(result.stderr.trim().split('\n').at(-1)).toBe('4 imported, 1 skipped, 2 failed');
    expect(result.stdout).toContain('Harbour repairs begin');
    const listed = dossierJson<Array<{ title: string; kind: string }>>('list');
    expect(listed.map((source) => source.kind).sort()).toEqual(['markdown', 'text', 'text', 'web']);
  });
});

describe('dossier run from its TypeScript sources', () => {
  it('imports a web page, whose extractor the sources load with import()', () => {
    const file = write('quay.html', page('Quay news', ARTICLE_BODY));
    // What bin/dossier.cjs runs when the compiled command is older than the sources.
    const script = `require('./bin/registerTsx.cjs').registerTsx()
      .then(() => require('./src/cli/main.ts').runCli(process.argv.slice(1)))
      .then((code) => { process.exitCode = code; });`;
    const run = spawnSync(
      process.execPath,
      ['-e', script, '--', '--db', cli.databaseFile, 'import', file, '--json'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({ status: 'imported', kind: 'web', title: 'Quay news' }),
    ]);
  });
});

describe('dossier original', () => {
  it('writes the imported file back byte for byte, with its hash, and never over a file', () => {
    const file = write('page.html', page('Harbour repairs begin', ARTICLE_BODY));
    const [imported] = dossierJson<ImportResult[]>('import', file);
    const out = path.join(cli.folder, 'evidence.html');
    const written = dossierJson<{ sha256: string; byteCount: number; fileName: string }>(
      'original',
      imported!.sourceId!,
      '--out',
      out,
    );
    const original = readFileSync(file);
    expect(readFileSync(out).equals(original)).toBe(true);
    expect(written).toMatchObject({
      sha256: createHash('sha256').update(original).digest('hex'),
      byteCount: original.length,
    });

    const again = dossier('original', imported!.sourceId!, '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(out).equals(original)).toBe(true);
    expect(existsSync(path.join(cli.folder, 'none.html'))).toBe(false);
  });
});

describe('dossier import --url', () => {
  let server: http.Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  /** Serves `pages` on 127.0.0.1; `/moved` redirects to `/article`. */
  async function serve(pages: Record<string, () => string>): Promise<string> {
    server = http.createServer((request, response) => {
      if (request.url === '/moved') {
        response.writeHead(301, { location: '/article' }).end();
        return;
      }
      const body = pages[request.url ?? ''];
      if (!body) {
        response.writeHead(404).end('not here');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body());
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  it('imports a page after redirects as a web source whose address is the final one; a changed page becomes a new version', async () => {
    let edition = 1;
    const origin = await serve({
      '/article': () =>
        page(
          'Harbour repairs begin',
          `${ARTICLE_BODY}<p>Edition ${edition}: the mayor visited the quay and spoke to the engineers at length about the schedule.</p>`,
        ),
    });
    const first = await cli.dossierAsync('import', '--url', `${origin}/moved`, '--json');
    expect(first.stderr).toBe('');
    const [imported] = JSON.parse(first.stdout) as ImportResult[];
    expect(imported).toMatchObject({
      status: 'imported',
      kind: 'web',
      title: 'Harbour repairs begin',
    });
    const [listed] = dossierJson<Array<{ url: string | null }>>('list');
    expect(listed?.url).toBe(`${origin}/article`);

    const same = JSON.parse(
      (await cli.dossierAsync('import', '--url', `${origin}/article`, '--json')).stdout,
    );
    expect(same[0]).toMatchObject({ status: 'duplicate', sourceId: imported!.sourceId });
    edition = 2;
    const changed = JSON.parse(
      (await cli.dossierAsync('import', '--url', `${origin}/article`, '--json')).stdout,
    );
    expect(changed[0]).toMatchObject({ status: 'revised', sourceId: imported!.sourceId });
  });

  it('reports a missing page, a refused scheme and an unreachable host per address', async () => {
    const origin = await serve({});
    const result = await cli.dossierAsync(
      'import',
      '--url',
      `${origin}/missing`,
      '--url',
      'file:///etc/passwd',
      '--url',
      'http://127.0.0.1:9/closed',
      '--json',
    );
    expect(result.code).toBe(1);
    const results = JSON.parse(result.stdout) as ImportResult[];
    expect(results.map((item) => item.status)).toEqual(['error', 'error', 'error']);
    expect(results[0]!.error).toContain('404');
    expect(results[1]!.error).toMatch(/http/i);
    expect(results[2]!.error).toMatch(/reach|offline|connect/i);
    expect(dossierJson<unknown[]>('list')).toEqual([]);
  });
});
