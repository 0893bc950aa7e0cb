/**
 * `npm run bench -- import`: import throughput of each kind of file through the
 * core (detect, decode, extract, store the original, version, fold, index),
 * beside plain FTS5 insertion of the same extracted text in the same run, and
 * the process's peak memory after each kind. Prints tables; asserts nothing.
 *
 * Material: plain text (the sample article, Readability's pages as text, the
 * Persian fixture), web pages (Readability's `source.html` files) and the PDF
 * fixtures in tests/fixtures/pdf. Each kind is imported ROUNDS times, each
 * round into a fresh notebook (the same file twice would be a duplicate).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/core/createCore';
import {
  corpusDir,
  corpusPageNames,
  corpusPageText,
  hasCorpus,
} from '../tests/unit/support/corpusPages';
import { hasSampleArticle, repoRoot, sampleArticleFile } from '../tests/support/sharedData';

const ROUNDS = Number(process.env.DOSSIER_BENCH_ROUNDS ?? 3);

interface ImportFile {
  fileName: string;
  bytes: Buffer;
}

function textFiles(): ImportFile[] {
  const files: ImportFile[] = [];
  if (hasSampleArticle) {
    files.push({ fileName: 'sample.txt', bytes: fs.readFileSync(sampleArticleFile) });
  }
  files.push(fixtureFile('persian-article.txt'), fixtureFile('river-delta.txt'));
  if (hasCorpus) {
    for (const name of corpusPageNames()) {
      files.push({ fileName: `${name}.txt`, bytes: Buffer.from(corpusPageText(name)) });
    }
  }
  return files;
}

function htmlFiles(): ImportFile[] {
  if (!hasCorpus) return [];
  return corpusPageNames().map((name) => ({
    fileName: `${name}.html`,
    bytes: fs.readFileSync(path.join(corpusDir, name, 'source.html')),
  }));
}

function pdfFiles(): ImportFile[] {
  const folder = path.join(repoRoot, 'tests/fixtures/pdf');
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.pdf') && !/encrypted|scanned|broken/i.test(name))
    .map((name) => ({ fileName: name, bytes: fs.readFileSync(path.join(folder, name)) }));
}

function fixtureFile(name: string): ImportFile {
  return { fileName: name, bytes: fs.readFileSync(path.join(repoRoot, 'tests/fixtures', name)) };
}

interface KindFigures {
  documents: number;
  inputMiB: number;
  textMiB: number;
  dossierMs: number;
  baselineMs: number;
  failed: number;
  peakRssMiB: number;
}

async function measureKind(
  folder: string,
  kind: string,
  files: ImportFile[],
): Promise<KindFigures> {
  let dossierMs = 0;
  let baselineMs = 0;
  let documents = 0;
  let failed = 0;
  let textBytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const core = createCore(path.join(folder, `${kind}-${round}.db`));
    const started = performance.now();
    for (const file of files) {
      try {
        await core.importFile({
          fileName: file.fileName,
          contentBase64: file.bytes.toString('base64'),
        });
        documents++;
      } catch {
        failed++;
      }
    }
    dossierMs += performance.now() - started;

    // The same extracted text, inserted into plain FTS5 in one transaction.
    const texts = core
      .listSources({})
      .map((source) => core.getSource({ sourceId: source.id }))
      .map((source) => ({ title: source.title, body: source.text }));
    core.close();
    textBytes += texts.reduce((sum, t) => sum + Buffer.byteLength(t.title + t.body), 0);
    const baseline = new Database(path.join(folder, `${kind}-${round}-baseline.db`));
    baseline.pragma('journal_mode = WAL');
    baseline.exec(
      `CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')`,
    );
    const insert = baseline.prepare('INSERT INTO docs(title, body) VALUES (?, ?)');
    const baselineStart = performance.now();
    baseline.transaction(() => {
      for (const text of texts) insert.run(text.title, text.body);
    })();
    baselineMs += performance.now() - baselineStart;
    baseline.close();
  }
  const inputBytes = files.reduce((sum, file) => sum + file.bytes.length, 0) * ROUNDS;
  return {
    documents,
    inputMiB: inputBytes / 2 ** 20,
    textMiB: textBytes / 2 ** 20,
    dossierMs,
    baselineMs,
    failed,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

export async function runImportBench(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-import-bench-'));
  try {
    const kinds: Array<[string, ImportFile[]]> = [
      ['plain text', textFiles()],
      ['web pages (HTML)', htmlFiles()],
      ['PDF', pdfFiles()],
    ];
    const table: Record<string, Record<string, string>> = {};
    for (const [kind, files] of kinds) {
      if (files.length === 0) {
        console.log(`(${kind}: no material here, skipped)`);
        continue;
      }
      const figures = await measureKind(folder, kind.replace(/\W+/g, '-'), files);
      const seconds = figures.dossierMs / 1000;
      table[kind] = {
        files: `${figures.documents}${figures.failed ? ` (+${figures.failed} refused)` : ''}`,
        'input MiB': fixed(figures.inputMiB, 2),
        'text MiB': fixed(figures.textMiB, 2),
        'Dossier MiB/s (input)': fixed(figures.inputMiB / seconds, 2),
        'Dossier docs/s': fixed(figures.documents / seconds, 1),
        'FTS5 MiB/s (text)': fixed(figures.textMiB / (figures.baselineMs / 1000), 1),
        'Dossier ÷ FTS5 time': `${fixed(figures.dossierMs / figures.baselineMs, 0)}×`,
        'peak RSS MiB': fixed(figures.peakRssMiB, 0),
      };
    }
    console.log(`\nImport by kind of file (${ROUNDS} rounds, each into a fresh notebook)`);
    console.table(table);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
