/**
 * `npm run bench`: import throughput, query latency and multilingual recall of
 * Dossier's store, each against a baseline measured in the same run — plain
 * FTS5 (unicode61, remove_diacritics 2) over the unfolded text with SQLite's
 * own bm25() and snippet(). Prints tables; asserts nothing.
 *
 * Material: the sample article and Mozilla Readability's pages from ../shared,
 * the Persian fixture, and the Debian Handbook's Arabic, Persian, Chinese and
 * Japanese pages when the `debian-handbook` package is installed.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/core/createCore';
import { corpusPageNames, corpusPageText, hasCorpus } from '../tests/unit/support/corpusPages';
import { hasSampleArticle, repoRoot, sampleArticleFile } from '../tests/support/sharedData';
import { runAnchoringBench } from './anchoring';
import { loadHandbookPages } from './handbookPages';
import { runImportBench } from './importBench';
import { runReliabilityBench } from './reliability';
import { runScaleBench } from './scale';

const persianFixture = path.join(repoRoot, 'tests/fixtures/persian-article.txt');
/** Copies of the material, each made unique, so the notebook is not trivially small. */
const COPIES = Number(process.env.DOSSIER_BENCH_COPIES ?? 20);
const QUERY_RUNS = 30;

interface Document {
  title: string;
  body: string;
}

function loadDocuments(): Document[] {
  const texts: Document[] = [];
  const add = (title: string, body: string) => texts.push({ title, body });
  if (hasSampleArticle) {
    const [title, ...rest] = fs.readFileSync(sampleArticleFile, 'utf8').split('\n');
    add(title ?? 'sample', rest.join('\n'));
  } else console.log(`(sample article absent: ${sampleArticleFile})`);
  if (hasCorpus) for (const name of corpusPageNames()) add(name, corpusPageText(name));
  else console.log('(readability corpus absent: ../shared/corpus/readability-pages)');
  const [persianTitle, ...persianBody] = fs.readFileSync(persianFixture, 'utf8').split('\n');
  add(persianTitle ?? 'persian', persianBody.join('\n'));
  const handbook = loadHandbookPages();
  if (handbook.length === 0) console.log('(debian-handbook not installed: no Arabic/CJK pages)');
  for (const page of handbook) add(page.title, page.body);
  const copies: Document[] = [];
  for (let copy = 0; copy < COPIES; copy++) {
    for (const text of texts) {
      copies.push({ title: text.title, body: `${text.body}\n\nCopy ${copy} of ${text.title}.` });
    }
  }
  return copies;
}

function mib(documents: Document[]): number {
  return documents.reduce((sum, d) => sum + Buffer.byteLength(d.title + d.body), 0) / 2 ** 20;
}

function time(action: () => void): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timeAsync(action: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function createBaseline(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    `CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')`,
  );
  return db;
}

function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-'));
  try {
    const documents = loadDocuments();
    const size = mib(documents);
    console.log(`\n${documents.length} documents, ${fixed(size)} MiB of text (${COPIES} copies)\n`);

    const core = createCore(path.join(folder, 'dossier.db'));
    const baseline = createBaseline(path.join(folder, 'baseline.db'));

    const dossierMs = await timeAsync(async () => {
      for (const d of documents) await core.importText({ title: d.title, text: d.body });
    });
    const insert = baseline.prepare('INSERT INTO docs(title, body) VALUES (?, ?)');
    const baselineMs = time(() => {
      baseline.transaction(() => {
        for (const d of documents) insert.run(d.title, d.body);
      })();
    });
    console.log('Import (Dossier: parse, hash, version, fold, index; one transaction per article)');
    console.table({
      'plain FTS5 (baseline)': { 'MiB/s': fixed(size / (baselineMs / 1000)), ratio: '1.0' },
      Dossier: {
        'MiB/s': fixed(size / (dossierMs / 1000)),
        ratio: fixed(dossierMs / baselineMs, 2) + '× time',
      },
    });

    const queries = [
      'Iran',
      'government policy',
      '"according to"',
      'secur*',
      'browser -firefox',
      'خانه',
      'كتابخانه',
      'می‌شود',
      '人工智能',
      '安装',
      'パッケージ',
    ];
    const baselineQuery = baseline.prepare(
      `SELECT rowid, bm25(docs) AS rank, snippet(docs, 1, '[', ']', '…', 12) AS snippet
       FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20`,
    );
    const baselineCount = baseline.prepare('SELECT count(*) AS n FROM docs WHERE docs MATCH ?');
    const rows: Record<string, Record<string, string>> = {};
    for (const query of queries) {
      const ftsQuery = query.startsWith('"') ? query : query.replace(/(^|\s)-/, ' NOT ');
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let run = 0; run < QUERY_RUNS; run++) {
        ours.push(time(() => core.search({ query, limit: 20 })));
        theirs.push(time(() => safeAll(baselineQuery, ftsQuery)));
      }
      const found = core.search({ query: `type:source ${query}`, limit: 500 }).length;
      const baselineFound = safeCount(baselineCount, ftsQuery);
      rows[query] = {
        'Dossier p50 ms': fixed(percentile(ours, 50), 2),
        'Dossier p95 ms': fixed(percentile(ours, 95), 2),
        'baseline p50 ms': fixed(percentile(theirs, 50), 2),
        'p50 ratio': fixed(percentile(ours, 50) / percentile(theirs, 50), 2),
        'articles found': String(found),
        'baseline found': String(baselineFound),
      };
    }
    console.log('\nQueries (20 results with snippets; found = matching articles, up to 500)');
    console.table(rows);

    const sizes = {
      Dossier: fs.statSync(path.join(folder, 'dossier.db')).size,
      baseline: fs.statSync(path.join(folder, 'baseline.db')).size,
    };
    core.close();
    baseline.close();
    console.log('\nMemory and files');
    console.table({
      'heap used MiB': { value: fixed(process.memoryUsage().heapUsed / 2 ** 20) },
      'rss MiB': { value: fixed(process.memoryUsage().rss / 2 ** 20) },
      'Dossier db MiB (before checkpoint)': { value: fixed(sizes.Dossier / 2 ** 20) },
      'baseline db MiB (before checkpoint)': { value: fixed(sizes.baseline / 2 ** 20) },
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Plain FTS5 rejects some user input as syntax; the baseline then finds nothing. */
function safeAll(statement: Database.Statement, query: string): unknown[] {
  try {
    return statement.all(query);
  } catch {
    return [];
  }
}

function safeCount(statement: Database.Statement, query: string): number {
  return (safeAll(statement, query)[0] as { n: number } | undefined)?.n ?? 0;
}

/**
 * `npm run bench` runs the store bench; `npm run bench -- anchoring` the
 * re-anchoring one; `npm run bench -- import` import throughput by kind of file;
 * `npm run bench -- scale [--docs 10000,100000] [--keep DIR]` a large library;
 * `npm run bench -- reliability` kills, damaged files, bad inputs, a full disk, two writers.
 */
const bench = process.argv[2];
if (bench === undefined) void main();
else if (bench === 'anchoring') runAnchoringBench();
else if (bench === 'import') void runImportBench();
else if (bench === 'scale') void runScaleBench(process.argv.slice(3));
else if (bench === 'reliability') void runReliabilityBench();
else {
  console.error(
    `Unknown bench "${bench}": run \`npm run bench\`, \`npm run bench -- anchoring\`, \`npm run bench -- import\`, \`npm run bench -- scale\` or \`npm run bench -- reliability\`.`,
  );
  process.exitCode = 2;
}
