import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createDeflate } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/shared/documentModel';
import { extractPdf, PDF_EXTRACTOR } from '../../../src/core/extract/pdf/extractPdf';
import type { PdfContent } from '../../../src/core/extract/pdf/pdfContent';
import {
  PDF_READ_LIMITS,
  readPdfText,
  type PdfReadLimits,
} from '../../../src/core/extract/pdf/readPdfText';
import { ReusableWorker } from '../../../src/core/extract/pdf/reusableWorker';
import type { ExtractedDocument } from '../../../src/core/extract/extractedDocument';
import { refusal } from '../support/refusal';

const root = path.resolve(__dirname, '../../..');
const fixtureDir = path.join(root, 'tests/fixtures/pdf');
const fixture = (name: string) => readFileSync(path.join(fixtureDir, name));

/**
 * The texts the fixtures were printed from, read out of the script that made
 * them, so the expectations cannot drift from the files.
 */
const script = readFileSync(path.join(root, 'scripts/make-pdf-fixtures.mjs'), 'utf8');
function scriptConstant<T>(name: string): T {
  const source = new RegExp(`const ${name} =\\s*([\\s\\S]*?);\\n`).exec(script)?.[1];
  if (!source) throw new Error(`${name} is not in make-pdf-fixtures.mjs`);
  return vm.runInNewContext(`(${source})`) as T;
}
const ENGLISH_PARAGRAPHS = scriptConstant<string[]>('ENGLISH_PARAGRAPHS');
const ENGLISH_INDENTED = scriptConstant<string[]>('ENGLISH_INDENTED');
const ENGLISH_CLOSING = scriptConstant<string[]>('ENGLISH_CLOSING');
const PERSIAN_PARAGRAPHS = scriptConstant<string[]>('PERSIAN_PARAGRAPHS');
const PAPER_ABSTRACT = scriptConstant<string>('PAPER_ABSTRACT');
const PAPER_SECTIONS = scriptConstant<[string, string[]][]>('PAPER_SECTIONS');

async function extract(name: string, signal?: AbortSignal): Promise<ExtractedDocument> {
  return extractPdf({ bytes: fixture(name), fileName: name }, signal);
}

/** Each block as `kind: text` (headings with their level), in order. */
function outline(document: ExtractedDocument): string[] {
  return document.blocks.map((block) => `${kindOf(block)}: ${textOf(document, block)}`);
}

function kindOf(block: Block): string {
  return block.kind === 'heading' ? `heading${block.level}` : block.kind;
}

function textOf(document: ExtractedDocument, block: Block): string {
  return document.text.slice(block.start, block.end);
}

/** `megabytes` of spaces, deflated a megabyte at a time. */
async function deflatedSpaces(megabytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(deflate, 'end');
  const block = Buffer.alloc(1024 * 1024, ' ');
  for (let written = 0; written < megabytes; written++) {
    if (!deflate.write(block)) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}

/** A one-page PDF whose page content is this deflated stream. */
function pdfWithContent(deflated: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  const add = (part: Buffer | string) => parts.push(Buffer.from(part));
  const length = () => parts.reduce((total, part) => total + part.length, 0);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
  ];
  objects.forEach((object, index) => {
    offsets.push(length());
    add(`${index + 1} 0 obj\n${object}\nendobj\n`);
  });
  offsets.push(length());
  add(`4 0 obj\n<< /Length ${deflated.length} /Filter /FlateDecode >>\nstream\n`);
  add(deflated);
  add('\nendstream\nendobj\n');
  const xref = length();
  add(`xref\n0 5\n0000000000 65535 f \n`);
  add(offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join(''));
  add(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

describe('extractPdf on real PDFs', () => {
  it('reads an article: title, headings, paragraphs as printed, page numbers on blocks', async () => {
    const document = await extract('english-article.pdf');
    expect(document.kind).toBe('pdf');
    expect(document.extractor).toBe(PDF_EXTRACTOR);
    expect(document.title).toBe('Reading the Salt Marsh');
    expect(outline(document)).toEqual([
      'title: Reading the Salt Marsh',
      ...ENGLISH_PARAGRAPHS.map((text) => `paragraph: ${text}`),
      'heading1: Methods in the Field',
      ...ENGLISH_INDENTED.map((text) => `paragraph: ${text}`),
      'heading1: What Comes Next',
      ...ENGLISH_CLOSING.map((text) => `paragraph: ${text}`),
    ]);
    // Page 2 begins with the third indented paragraph.
    const pages = document.blocks.map((block) => block.page);
    const secondPageStart = 1 + ENGLISH_PARAGRAPHS.length + 1 + 2;
    expect(pages.slice(0, secondPageStart)).toEqual(Array(secondPageStart).fill(1));
    expect(pages.slice(secondPageStart)).toEqual(
      Array(document.blocks.length - secondPageStart).fill(2),
    );
    expect(document.metadata).toMatchObject({
      byline: 'Mara Lindqvist',
      publishedAt: '2024-03-15T09:30:00+01:00',
      dir: 'ltr',
    });
  });

  it('mends words broken at line ends and keeps the hyphens of compounds', async () => {
    const { text } = await extract('english-article.pdf');
    // Each of these was printed broken across two lines.
    for (const word of ['vegetation', 'measurement', 'informative']) {
      expect(text).toMatch(new RegExp(`\\b${word}\\b`));
    }
    expect(text).not.toMatch(/[\u2010\u00ad]/);
    // "long-" ended a line before "term": a compound, written whole elsewhere.
    expect(text).toContain('Only a long-term series');
    expect(text).toContain('The Anglo-Dutch survey');
  });

  it('leaves out the running header and the page numbers', async () => {
    const document = await extract('english-article.pdf');
    expect(document.text).not.toContain('Coastal Field Journal');
    expect(document.blocks.map((block) => textOf(document, block))).not.toContainEqual(
      expect.stringMatching(/^\d+$/),
    );
  });

  it('reads a two-column paper column by column, below its full-width title and abstract', async () => {
    const document = await extract('two-column-paper.pdf');
    // /Title is "paper.html": the largest line of the first page is the title.
    expect(document.title).toBe('Tides Written in Mud');
    expect(outline(document)).toEqual([
      'title: Tides Written in Mud',
      'paragraph: A. Rivers and B. Marsh',
      `paragraph: ${PAPER_ABSTRACT}`,
      ...PAPER_SECTIONS.flatMap(([heading, paragraphs]) => [
        `heading1: ${heading}`,
        ...paragraphs.map((text) => `paragraph: ${text}`),
      ]),
    ]);
    // "At every site…" heads the second column; "Data and Sites" began in the first.
    const { text } = document;
    expect(text.indexOf('Data and Sites')).toBeLessThan(text.indexOf('At every site'));
    expect(text.indexOf('At every site')).toBeLessThan(text.indexOf('Results'));
    expect(text).not.toMatch(/\n\n1$/);
  });

  it('puts Persian lines back in logical order, joiners and embedded Latin included', async () => {
    const document = await extract('persian-article.pdf');
    expect(document.title).toBe('کتابخانه‌های کهن');
    expect(outline(document)).toEqual([
      'title: کتابخانه‌های کهن',
      ...PERSIAN_PARAGRAPHS.map((text) => `paragraph: ${text.normalize('NFC')}`),
    ]);
    expect(document.text).toContain(
      'امروز پژوهشگر می‌تواند یادداشت‌های خود را در نرم‌افزار Dossier نگه دارد',
    );
    expect(document.text).toContain('بیش از 400 نسخه ثبت شده بود');
    expect(document.metadata.dir).toBe('rtl');
  });

  it('imports the text of a PDF that asks to run JavaScript, and runs nothing', async () => {
    const bytes = fixture('javascript-action.pdf');
    expect(bytes.toString('latin1')).toContain('/S /JavaScript');
    const document = await extractPdf({ bytes, fileName: 'javascript-action.pdf' });
    // "Microsoft Word - scripted.docx" names a file, not the document.
    expect(outline(document)).toEqual([
      'title: A document with a script',
      'paragraph: This file asks its reader to run JavaScript when it opens. ' +
        'Dossier reads only its text; the script never runs.',
    ]);
    expect(document.text).not.toContain('app.alert');
    expect(document.metadata).toMatchObject({
      byline: 'Ada Example',
      publishedAt: '2023-01-02T03:04:05Z',
      lang: 'en-GB',
    });
  });

  it('leaves the bytes it was given intact', async () => {
    const bytes = fixture('javascript-action.pdf');
    const copy = Buffer.from(bytes);
    await extractPdf({ bytes, fileName: 'javascript-action.pdf' });
    expect(bytes.equals(copy)).toBe(true);
  });
});

describe('extractPdf refusals', () => {
  it('refuses a password-protected PDF, saying so', async () => {
    const error = await refusal(() => extract('encrypted.pdf'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/^encrypted\.pdf is password-protected/);
  });

  it('refuses a scan without a text layer instead of storing an empty article', async () => {
    const error = await refusal(() => extract('scanned.pdf'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/^scanned\.pdf has no text layer \(a scan\?\)/);
    expect(error.message).toMatch(/OCR/);
  });

  it('refuses a damaged PDF', async () => {
    const truncated = fixture('english-article.pdf').subarray(0, 5000);
    const error = await refusal(() => extractPdf({ bytes: truncated, fileName: 'truncated.pdf' }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/^truncated\.pdf could not be read as a PDF .*damaged/);

    const garbage = Buffer.from('%PDF-1.7\nnot a PDF at all\n');
    expect((await refusal(() => extractPdf({ bytes: garbage, fileName: 'x.pdf' }))).code).toBe(
      'unsupported',
    );
  });

  it('stops a PDF that takes too long or needs too much memory', async () => {
    const bytes = fixture('two-column-paper.pdf');
    const slow = await refusal(() =>
      readPdfText(bytes, 'paper.pdf', undefined, { ...PDF_READ_LIMITS, timeMs: 1 }),
    );
    expect(slow.code).toBe('too_large');
    expect(slow.message).toMatch(/^Reading paper\.pdf took longer than 1 ms, so it was stopped/);

    const big = await refusal(() =>
      readPdfText(bytes, 'paper.pdf', undefined, { ...PDF_READ_LIMITS, memoryMb: 4 }),
    );
    expect(big.code).toBe('too_large');
    expect(big.message).toMatch(/^Reading paper\.pdf needed more than 4 MB of memory/);
  });

  it('stops a PDF with more text than it keeps for layout', async () => {
    const error = await refusal(() =>
      readPdfText(fixture('english-article.pdf'), 'long.pdf', undefined, {
        ...PDF_READ_LIMITS,
        textItems: 100,
      }),
    );
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/^long\.pdf holds more text than Dossier imports at once/);
  });

  it('stops a small PDF whose content inflates to more than the memory limit', async () => {
    const bomb = pdfWithContent(await deflatedSpaces(256));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal(() =>
      readPdfText(bomb, 'bomb.pdf', undefined, { ...PDF_READ_LIMITS, memoryMb: 64 }),
    );
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/^Reading bomb\.pdf needed more than 64 MB of memory/);
  });

  it('stops at once when the import is cancelled', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const reading = extract('two-column-paper.pdf', controller.signal);
    setTimeout(() => controller.abort(), 20);
    const error = await refusal(() => reading);
    expect(error.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1000);

    const error2 = await refusal(() => extract('english-article.pdf', AbortSignal.abort()));
    expect(error2.code).toBe('cancelled');
  });
});

describe('one worker reading PDF after PDF', () => {
  /** Every fixture, and a damaged file, as an import of a folder would bring them. */
  const files: [string, Buffer][] = [
    ...[
      'english-article.pdf',
      'two-column-paper.pdf',
      'persian-article.pdf',
      'javascript-action.pdf',
      'encrypted.pdf',
      'scanned.pdf',
    ].map((name): [string, Buffer] => [name, fixture(name)]),
    ['truncated.pdf', fixture('english-article.pdf').subarray(0, 5000)],
  ];

  /** What reading gives: the content, or the refusal's kind and message. */
  function outcome(
    name: string,
    bytes: Buffer,
    limits?: PdfReadLimits,
    signal?: AbortSignal,
  ): Promise<PdfContent | string> {
    return readPdfText(bytes, name, signal, limits).catch(
      (error: Error & { code?: string }) => `${error.code}: ${error.message}`,
    );
  }

  it('gives each PDF read in a row, refusals among them, what a worker of its own gives', async () => {
    const alone: (PdfContent | string)[] = [];
    for (const [index, [name, bytes]] of files.entries()) {
      // A heap limit of its own starts a fresh worker, as every PDF had before workers were reused.
      alone.push(await outcome(name, bytes, { ...PDF_READ_LIMITS, memoryMb: 400 + index }));
    }
    expect(alone.filter((read) => typeof read !== 'string')).toHaveLength(5);

    // Twice over, all asked at once: each waits its turn on the one worker.
    const together = await Promise.all(
      [...files, ...files].map(([name, bytes]) => outcome(name, bytes)),
    );
    expect(together).toEqual([...alone, ...alone]);
  });

  it('reads the next PDFs as usual after one stopped by its time limit or cancelled in the queue', async () => {
    const slow = pdfWithContent(await deflatedSpaces(64));
    const english = fixture('english-article.pdf');
    const expected = await outcome('english-article.pdf', english);
    expect(typeof expected).not.toBe('string');

    const running = new AbortController();
    const waiting = new AbortController();
    const reads = [
      outcome('first.pdf', fixture('two-column-paper.pdf')),
      outcome('slow.pdf', slow, { ...PDF_READ_LIMITS, timeMs: 200 }),
      outcome('english-article.pdf', english),
      outcome('cancelled.pdf', slow, undefined, running.signal),
      outcome('english-article.pdf', english),
      outcome('waiting.pdf', slow, undefined, waiting.signal),
      outcome('english-article.pdf', english),
    ];
    waiting.abort();
    // The slow file takes over half a second: cancelled while the worker reads it.
    void reads[2]!.then(() => setTimeout(() => running.abort(), 150));

    const results = await Promise.all(reads);
    expect(results[1]).toMatch(/^too_large: Reading slow\.pdf took longer than 200 ms/);
    expect(results[3]).toMatch(/^cancelled: Reading cancelled\.pdf was cancelled/);
    expect(results[5]).toMatch(/^cancelled: Reading waiting\.pdf was cancelled/);
    expect([results[2], results[4], results[6]]).toEqual([expected, expected, expected]);
  });

  // Node 20 aborts the whole process when a thread is terminated while it sets up a
  // zlib stream, as pdf.js does for every compressed stream: a thread stopped mid-read
  // must end itself. Node gives a thread that was terminated exit code 1.
  it('has a worker stopped mid-read end itself, and terminates one that never yields', async () => {
    const pdfWorker = new ReusableWorker(
      path.join(root, 'src/core/extract/pdf/pdfTextWorker.mjs'),
      10_000,
    );
    const reading = (await pdfWorker.acquire(PDF_READ_LIMITS.memoryMb))!;
    const described = once(reading.worker, 'message');
    const exited = once(reading.worker, 'exit');
    const maxBufferBytes = PDF_READ_LIMITS.memoryMb * 1024 * 1024;
    const bytes = pdfWithContent(await deflatedSpaces(64));
    reading.worker.postMessage({ job: 1, bytes, maxBufferBytes });
    expect(await described).toEqual([expect.objectContaining({ job: 1, kind: 'info' })]);
    reading.release(false);
    expect(await exited).toEqual([0]);

    const folder = mkdtempSync(path.join(os.tmpdir(), 'dossier-stuck-worker-'));
    const stuckFile = path.join(folder, 'stuck.mjs');
    writeFileSync(
      stuckFile,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { for (;;); });\n",
    );
    const stuck = (await new ReusableWorker(stuckFile, 10_000).acquire(64))!;
    const stuckExited = once(stuck.worker, 'exit');
    stuck.worker.postMessage('spin');
    stuck.release(false);
    expect(await stuckExited).toEqual([1]);
  });

  it('lets the process exit as soon as its work is done, without waiting for the idle worker', async () => {
    const script = `
      const { readFileSync } = require('node:fs');
      const { readPdfText } = require('./src/core/extract/pdf/readPdfText.ts');
      const read = (name) => readPdfText(readFileSync('tests/fixtures/pdf/' + name), name);
      read('english-article.pdf')
        .then(() => read('persian-article.pdf'))
        .then((content) => console.log(JSON.stringify({ title: content.info.title, at: Date.now() })));
    `;
    const { stdout, exitedAt } = await new Promise<{ stdout: string; exitedAt: number }>(
      (resolve, reject) =>
        execFile(
          process.execPath,
          ['--require', 'tsx/cjs', '--eval', script],
          { cwd: root, timeout: 30_000 },
          (error, out) => (error ? reject(error) : resolve({ stdout: out, exitedAt: Date.now() })),
        ),
    );
    const { title, at } = JSON.parse(stdout) as { title: string; at: number };
    expect(title).toBe('کتابخانه‌های کهن');
    // The worker waits 10 seconds for another PDF; the process does not wait with it.
    expect(exitedAt - at).toBeLessThan(2000);
  });
});
