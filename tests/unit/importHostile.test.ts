import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../src/shared/api';
import { isTextBlock } from '../../src/shared/documentModel';
import { DossierError } from '../../src/shared/errors';
import { MAX_IMPORT_BYTES } from '../../src/shared/importLimits';
import { deflatedZeros, writeRawZip } from './extract/zipBombs';
import { toBase64, useTempCore } from './support/tempCore';

/**
 * Dossier's promise for bad and hostile files, checked through the core's
 * importFile: each gives a clear error or a clean result, and nothing else in
 * the notebook changes.
 */

const fixtures = path.resolve(__dirname, '../fixtures');
const fixture = (...parts: string[]) => fs.readFileSync(path.join(fixtures, ...parts));
const notebook = useTempCore();

/** The codes a refused file may carry: each says the file is at fault, not Dossier. */
const REFUSAL_CODES = ['unsupported', 'too_large', 'invalid_argument'];
const EMBEDDED_RASTER = /^data:image\/(png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=]*$/;
const MARKUP_LEFTOVERS = ['<', 'javascript:', 'onerror', '__dossierPwned'];

type Verdict = { refused: DossierError } | { imported: SourceDetail };

/** Row counts of every table in the notebook, virtual and shadow tables included. */
function tableCounts(): Record<string, number> {
  const db = new Database(notebook.core.databaseFile, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => [
        table,
        db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number,
      ]),
    );
  } finally {
    db.close();
  }
}

/**
 * Imports an ordinary article, then the file: a refusal must be a
 * DossierError naming the file that left every table and the library as they
 * were; an import must add one source and change no other (importedOf then
 * checks that the new source is only text).
 */
async function importHostile(fileName: string, bytes: Uint8Array | string): Promise<Verdict> {
  await notebook.core.importFile({
    fileName: 'english-news.html',
    contentBase64: toBase64(fixture('web', 'english-news.html')),
  });
  const counts = tableCounts();
  const library = notebook.core.listSources({});

  let sourceId: string;
  try {
    const outcome = await notebook.core.importFile({ fileName, contentBase64: toBase64(bytes) });
    expect(outcome.status).toBe('imported');
    sourceId = outcome.sourceId!;
  } catch (error) {
    if (!(error instanceof DossierError)) throw error;
    expect(REFUSAL_CODES).toContain(error.code);
    expect(error.message).toContain(fileName);
    expect(tableCounts()).toEqual(counts);
    expect(notebook.core.listSources({})).toEqual(library);
    return { refused: error };
  }
  expect(notebook.core.listSources({}).filter((source) => source.id !== sourceId)).toEqual(library);
  return { imported: notebook.core.getSource({ sourceId }) };
}

/** Every block is text, links go only where Dossier opens them, images are raster data or nothing. */
function expectOnlyText(source: SourceDetail, shownAsText: readonly string[]): void {
  const withoutShown = (text: string) =>
    shownAsText.reduce((rest, shown) => rest.replaceAll(shown, ''), text);
  const visible = [source.title];
  for (const block of source.blocks) {
    if (isTextBlock(block)) {
      visible.push(source.text.slice(block.start, block.end));
      for (const mark of block.marks ?? []) {
        if (mark.kind === 'link') expect(mark.href).toMatch(/^(https?|mailto):/);
      }
    } else {
      expect(block.start).toBe(block.end);
      if (block.src !== null) expect(block.src).toMatch(EMBEDDED_RASTER);
      if (block.remoteUrl !== undefined) expect(block.remoteUrl).toMatch(/^https?:/);
      visible.push(block.alt);
    }
  }
  for (const text of visible) {
    for (const leftover of MARKUP_LEFTOVERS) expect(withoutShown(text)).not.toContain(leftover);
  }
}

function refusalOf(verdict: Verdict): DossierError {
  if ('refused' in verdict) return verdict.refused;
  throw new Error(`expected a refusal, but it was imported as "${verdict.imported.title}"`);
}

/** The imported source, once it is found to be only text; `shownAsText` are words the file shows that look like markup. */
function importedOf(verdict: Verdict, shownAsText: readonly string[] = []): SourceDetail {
  if ('refused' in verdict) {
    throw new Error(`expected an import, but it was refused: ${verdict.refused.message}`);
  }
  expectOnlyText(verdict.imported, shownAsText);
  return verdict.imported;
}

/** Milliseconds an action takes, with its result. */
async function timed<T>(action: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await action();
  return [result, performance.now() - started];
}

const EXTENSIONS = ['txt', 'html', 'md', 'pdf', 'epub', 'docx', 'mhtml'];
const pixelPng = fixture('pixel.png');
const englishPdf = fixture('pdf', 'english-article.pdf');

describe('importing bad and hostile files', () => {
  it.each(EXTENSIONS)('refuses an empty .%s file', async (extension) => {
    const fileName = `empty.${extension}`;
    const error = refusalOf(await importHostile(fileName, new Uint8Array(0)));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain(`${fileName} is empty`);
  });

  it.each(EXTENSIONS.filter((extension) => extension !== 'html'))(
    'refuses random bytes named .%s',
    async (extension) => {
      const error = refusalOf(await importHostile(`noise.${extension}`, randomBytes(4096)));
      expect(error.code).toBe('unsupported');
    },
  );

  // A web page's decoder takes any bytes, so a binary file is told apart before decoding.
  it('refuses random bytes named .html', async () => {
    const error = refusalOf(await importHostile('noise.html', randomBytes(4096)));
    expect(error.code).toBe('unsupported');
  });

  it('refuses a PNG image named .html', async () => {
    const error = refusalOf(await importHostile('pixel.html', pixelPng));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('pixel.html looks like a PNG image');
  });

  it('reads a PDF named .txt as the PDF it is', async () => {
    const source = importedOf(await importHostile('article.txt', englishPdf));
    expect(source.kind).toBe('pdf');
    expect(source.text).toContain('The salt marsh keeps its own archive.');
  });

  it('refuses or cleanly reads a PDF cut short', async () => {
    const truncated = englishPdf.subarray(0, Math.floor(englishPdf.length * 0.4));
    const verdict = await importHostile('truncated.pdf', truncated);
    if ('refused' in verdict) expect(verdict.refused.code).toBe('unsupported');
    else expect(importedOf(verdict).kind).toBe('pdf');
  });

  it('refuses or cleanly reads a PDF with a JavaScript action', async () => {
    const pdf = fixture('pdf', 'javascript-action.pdf');
    const verdict = await importHostile('javascript-action.pdf', pdf);
    if ('refused' in verdict) expect(verdict.refused.code).toBe('unsupported');
    else expect(importedOf(verdict).text).toContain('Dossier reads only its text');
  });

  it.each(['txt', 'html', 'md'])(
    'keeps a 1,000,000-character line whole from a .%s file',
    async (extension) => {
      const line = 'The river rose again after the rain. '.repeat(30_000).slice(0, 1_000_000);
      const source = importedOf(await importHostile(`one-line.${extension}`, line));
      expect(source.text).toContain(line.trim());
    },
  );

  it('reads a page nested 100,000 levels deep', async () => {
    const depth = 100_000;
    const page = `<!doctype html><html><body>${'<div>'.repeat(depth)}<p>Deep down the river ran on.</p>${'</div>'.repeat(depth)}</body></html>`;
    const source = importedOf(await importHostile('deep.html', page));
    expect(source.text).toContain('Deep down the river ran on.');
  });

  it('refuses 4,000,000 unclosed divs quickly', async () => {
    const page = '<div>'.repeat(4_000_000);
    const [verdict, elapsed] = await timed(() => importHostile('unclosed.html', page));
    const error = refusalOf(verdict);
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('unclosed.html nests its elements too deeply');
    expect(elapsed).toBeLessThan(3000);
  });

  it('keeps only the text of a page full of hostile markup', async () => {
    const shown = '<script>alert(1)</script>';
    const source = importedOf(await importHostile('hostile.html', fixture('web', 'hostile.html')), [
      shown,
    ]);
    expect(source.text).toContain('Engineers found cracks');
    expect(source.text).toContain(`A plain paragraph with ${shown} written as text`);
    expect(source.text).not.toContain('__dossierPwned');
    expect(linksOf(source)).toEqual(['https://example.org/harbour']);
  });

  it('keeps only the text of Markdown with raw HTML and a javascript: link', async () => {
    const markdown = [
      '# Delta survey',
      '',
      'The survey found the marsh rising.',
      '',
      '<script>window.__dossierPwned = "markdown script"</script>',
      '',
      '<img src="x" onerror="window.__dossierPwned = \'markdown onerror\'" alt="chart">',
      '',
      'See [x](javascript:alert(1)) and [the map](https://example.org/map).',
      '',
      '<iframe srcdoc="<script>parent.__dossierPwned = \'srcdoc\'</script>"></iframe>',
      '',
      'Ferries use the southern quay.',
    ].join('\n');
    const source = importedOf(await importHostile('hostile.md', markdown));
    expect(source.text).toBe(
      'Delta survey\n\nThe survey found the marsh rising.\n\nSee x and the map.\n\nFerries use the southern quay.',
    );
    expect(linksOf(source)).toEqual(['https://example.org/map']);
  });

  it.each(['epub', 'docx'])('refuses a zip bomb named .%s quickly', async (extension) => {
    // 1 GiB of zeros in each part a reader opens first, which the directory says are 10 kB.
    const bomb = writeRawZip(
      ['mimetype', 'META-INF/container.xml', '[Content_Types].xml'].map((name) => ({
        name,
        packed: deflatedZeros(1024),
        method: 8,
        declaredSize: 10_000,
      })),
    );
    const fileName = `bomb.${extension}`;
    const [verdict, elapsed] = await timed(() => importHostile(fileName, bomb));
    const error = refusalOf(verdict);
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain(`${fileName} looks like a zip bomb`);
    expect(elapsed).toBeLessThan(3000);
  });

  it('refuses a file over the import limit', async () => {
    const error = refusalOf(
      await importHostile('huge.txt', Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a')),
    );
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('the import limit is 20 MiB');
  });

  it('refuses MHTML without a boundary', async () => {
    const message = [
      'From: <Saved by Blink>',
      'Subject: Winter on the river delta',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"',
      '',
      '<html><body><p>Winter on the river delta.</p></body></html>',
    ].join('\r\n');
    const error = refusalOf(await importHostile('no-boundary.mhtml', message));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('no-boundary.mhtml is not a readable MHTML file');
  });

  it('reads a UTF-16 LE page with a byte order mark', async () => {
    const paragraph = 'Le delta du fleuve s’élargit chaque hiver — 软件 🎉.';
    const page = `\ufeff<!doctype html><html><head><title>Delta</title></head><body><article><h1>Delta</h1><p>${paragraph}</p></article></body></html>`;
    const source = importedOf(await importHostile('utf16.html', Buffer.from(page, 'utf16le')));
    expect(source.text).toContain(paragraph);
  });

  it('reads a windows-1256 Arabic page declared by <meta charset>', async () => {
    // Node cannot encode windows-1256: the paragraphs are the encoding fixture's lines, byte for byte.
    const encoded = fixture('encodings', 'arabic.windows-1256.txt');
    const paragraphs = splitLines(encoded).flatMap((line) => [
      Buffer.from('<p>'),
      line,
      Buffer.from('</p>\n'),
    ]);
    const page = Buffer.concat([
      Buffer.from(
        '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="windows-1256">' +
          '<title>Old city</title></head><body><article><h1>Old city</h1>\n',
      ),
      ...paragraphs,
      Buffer.from('</article></body></html>'),
    ]);
    const source = importedOf(await importHostile('arabic.html', page));
    const original = fixture('encodings', 'originals', 'arabic.txt').toString('utf8');
    const lines = original.trim().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(source.text).toContain(line);
  });
});

function linksOf(source: SourceDetail): string[] {
  return source.blocks.flatMap((block) =>
    isTextBlock(block)
      ? (block.marks ?? []).flatMap((mark) => (mark.kind === 'link' ? [mark.href] : []))
      : [],
  );
}

/** The non-empty lines of single-byte-encoded text, without their line ends. */
function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, at));
    start = at + 1;
  }
  lines.push(bytes.subarray(start));
  return lines.filter((line) => line.length > 0);
}
