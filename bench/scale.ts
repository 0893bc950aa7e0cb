/**
 * `npm run bench -- scale [--docs 10000,100000] [--keep DIR]`: issue 12's
 * figures for a large library, each beside its baseline measured in the same
 * run. The Debian Handbook's 26 languages, cut into article-sized pieces, are
 * written as .txt files, imported with `dossier import` (2,000 files per call)
 * and searched through a running `dossier serve`; the baseline is plain FTS5
 * over the same text in this process, and ripgrep over the files. Prints one
 * table per size; asserts nothing. Figures taken while other work shares the
 * machine are rough: the load average is printed with them.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../tests/support/sharedData';
import {
  handbookDir,
  handbookLanguages,
  loadPieces,
  writeDocuments,
  type Piece,
} from './scale/corpus';
import { compileCommand, DossierServer, importFolder } from './scale/dossierProcess';
import { plainColdQuery, PlainFts, RESULT_LIMIT } from './scale/plainFts';
import { SEARCH_PANEL_REQUEST } from '../src/shared/searchPanel';
import {
  benchQueries,
  recallSamples,
  ripgrepWords,
  type BenchQuery,
  type RecallSample,
} from './scale/queries';
import { elapsedMs, fixed, MB, median, percentile, time, timeAsync } from './scale/stats';

const COLD_RUNS = 3;

interface Options {
  sizes: number[];
  keep: string | undefined;
}

function parseOptions(args: readonly string[]): Options {
  const options: Options = { sizes: [10_000, 100_000], keep: undefined };
  for (let i = 0; i < args.length; i++) {
    const value = args[i + 1];
    if (args[i] === '--docs' && value) {
      options.sizes = value.split(',').map((size) => Number(size.replace(/_/g, '')));
      i++;
    } else if (args[i] === '--keep' && value) {
      options.keep = path.resolve(value);
      i++;
    } else throw new Error(`scale bench: unknown argument "${args[i]}" (--docs N,N --keep DIR)`);
  }
  if (options.sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(`scale bench: --docs takes whole numbers separated by commas`);
  }
  return options;
}

export async function runScaleBench(args: readonly string[]): Promise<void> {
  const options = parseOptions(args);
  if (handbookLanguages().length === 0) {
    console.log(
      `(debian-handbook not installed at ${handbookDir}: \`apt-get install debian-handbook\`; scale bench skipped)`,
    );
    return;
  }
  compileCommand();
  const pieces = loadPieces();
  console.log(
    `Debian Handbook: ${handbookLanguages().length} languages, ${pieces.length} pieces of 2–6 KB`,
  );
  const root = options.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-scale-bench-'));
  try {
    for (const size of options.sizes) {
      const folder = path.join(root, String(size));
      fs.rmSync(folder, { recursive: true, force: true });
      fs.mkdirSync(folder, { recursive: true });
      await measureSize(pieces, size, folder);
    }
  } finally {
    if (options.keep === undefined) fs.rmSync(root, { recursive: true, force: true });
    else console.log(`\nFiles, notebooks and baselines kept in ${root}`);
  }
}

type Row = Record<string, string>;

async function measureSize(pieces: readonly Piece[], count: number, folder: string): Promise<void> {
  const load = os.loadavg()[0]!;
  console.log(`\n=== ${count.toLocaleString('en')} documents ===`);
  const queries = benchQueries(pieces, count);
  const samples = recallSamples(pieces, count);
  const textsFolder = path.join(folder, 'texts');
  const { subfolders, textBytes } = writeDocuments(pieces, count, textsFolder);
  console.log(`${fixed(textBytes / MB)} MB of text in ${subfolders.length} folders of .txt files`);
  const notebook = path.join(folder, 'notebook.db');
  const plain = new PlainFts(path.join(folder, 'baseline.db'));

  // Import: the CLI, one call per folder, beside plain FTS5 insertion of the same text.
  const statuses: Record<string, number> = {};
  const imported = time(() => {
    for (const subfolder of subfolders) {
      for (const [status, n] of Object.entries(importFolder(notebook, subfolder))) {
        statuses[status] = (statuses[status] ?? 0) + n;
      }
    }
  });
  console.log(`dossier import: ${JSON.stringify(statuses)} in ${fixed(imported.ms / 1000)} s`);
  const plainInsert = time(() => plain.insert(pieces, count));
  const importRate = textBytes / MB / (imported.ms / 1000);
  const plainRate = textBytes / MB / (plainInsert.ms / 1000);

  // Size, after a checkpoint folds the WAL into the file.
  const shares = notebookShares(notebook);
  plain.checkpoint();
  const notebookRatio = fs.statSync(notebook).size / textBytes;
  const plainRatio = fs.statSync(plain.file).size / textBytes;

  const server = await DossierServer.start(notebook);
  let search: QueryTimes;
  let ripgrep: RipgrepFigures | null;
  let recall: { dossier: number; plain: number; samples: number };
  try {
    search = await timeQueries(server, plain, queries);
    ripgrep = await timeRipgrep(server, textsFolder, ripgrepWords(queries));
    recall = await measureRecall(server, plain, samples);
  } finally {
    await server.stop();
  }
  const cold = await coldOpen(notebook, queries[0]!);
  const plainCold = median(
    await sequential(COLD_RUNS, () => plainColdQuery(plain.file, queries[0]!.fts, repoRoot)),
  );
  plain.close();

  const p95Goal = count <= 10_000 ? 20 : 25;
  const dossierP95 = percentile(search.dossier, 95);
  const plainP95 = percentile(search.plain, 95);
  const table: Record<string, Row> = {
    'import MB/s (2,000 files per CLI call)': figure(
      fixed(importRate, 2),
      `${fixed(plainRate, 2)} plain FTS5`,
      `${fixed(importRate / plainRate, 2)}×`,
      '≥ 0.5×',
      importRate / plainRate >= 0.5,
    ),
    'notebook file / imported text': figure(
      `${fixed(notebookRatio, 2)}×`,
      `${fixed(plainRatio, 2)}× plain FTS5`,
      '',
      '≤ 1.0×',
      notebookRatio <= 1,
    ),
    [`search p95 ms (${queries.length} queries)`]: figure(
      fixed(dossierP95, 1),
      `${fixed(plainP95, 2)} plain FTS5`,
      `${fixed(dossierP95 / plainP95, 0)}×`,
      `≤ ${p95Goal} ms`,
      dossierP95 <= p95Goal,
    ),
    'search p50 ms': figure(
      fixed(percentile(search.dossier, 50), 1),
      `${fixed(percentile(search.plain, 50), 2)} plain FTS5`,
    ),
    'search max ms': figure(
      fixed(Math.max(...search.dossier), 1),
      `${fixed(Math.max(...search.plain), 2)} plain FTS5`,
    ),
    [`cold open + first query ms (median of ${COLD_RUNS}; ${cold.cache})`]: figure(
      fixed(cold.ms, 0),
      `${fixed(plainCold, 0)} node + plain FTS5`,
      `address printed at ${fixed(cold.listeningMs, 0)}`,
      '≤ 1500 ms',
      cold.ms <= 1500,
    ),
    'ripgrep ÷ Dossier search, median': ripgrep
      ? figure(
          `${fixed(ripgrep.dossierMs, 1)} ms`,
          `${fixed(ripgrep.rgMs, 0)} ms rg -c -i (${ripgrep.words} words)`,
          `${fixed(ripgrep.rgMs / ripgrep.dossierMs, 0)}×`,
          '≥ 100×',
          ripgrep.rgMs / ripgrep.dossierMs >= 100,
        )
      : figure('—', 'rg not installed (apt-get install ripgrep): skipped'),
    [`recall of folded whole words (${recall.samples} pages, every script)`]: figure(
      `${fixed((100 * recall.dossier) / recall.samples, 1)}%`,
      `${fixed((100 * recall.plain) / recall.samples, 1)}% plain FTS5`,
      '',
      '100%',
      recall.dossier === recall.samples,
    ),
  };
  console.log(
    `\nScale: ${count.toLocaleString('en')} documents, ${fixed(textBytes / MB)} MB of text` +
      ` (load average ${fixed(load, 2)} before, ${fixed(os.loadavg()[0]!, 2)} after, ${os.cpus().length} cores)`,
  );
  console.table(table);
  console.log(
    `Dossier's searches ask what the search panel asks: the best ${SEARCH_PANEL_REQUEST.limit}, ` +
      `snippets cut at once for the best ${SEARCH_PANEL_REQUEST.snippets} of each kind ` +
      `(the rest as they are scrolled to); plain FTS5 cuts all ${RESULT_LIMIT} with snippet().`,
  );
  console.log('\nNotebook file by table and index (dbstat, after a checkpoint)');
  console.table(shares);
  console.log(`\nThe 20 slowest of the ${queries.length} queries (Dossier over HTTP, warm)`);
  console.table(slowest(queries, search, 20));
}

function figure(
  dossier: string,
  baseline: string,
  compared = '',
  goal = '',
  reached?: boolean,
): Row {
  const row: Row = { Dossier: dossier, baseline, compared, goal };
  row.reached = reached === undefined ? '' : reached ? 'yes' : 'no';
  return row;
}

/** Each table's and index's share of the notebook file, largest first. */
function notebookShares(file: string): Record<string, Row> {
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const rows = db
      .prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC')
      .all() as Array<{ name: string; bytes: number }>;
    const total = rows.reduce((sum, row) => sum + row.bytes, 0);
    const shares: Record<string, Row> = {};
    const share = (bytes: number) => ({
      MB: fixed(bytes / MB, 2),
      share: `${fixed((100 * bytes) / total)}%`,
    });
    // Tables and indexes under half a percent are summed into one row.
    const small = rows.filter((row) => row.bytes / total < 0.005);
    for (const row of rows.filter((row) => !small.includes(row)))
      shares[row.name] = share(row.bytes);
    shares[`(${small.length} others)`] = share(small.reduce((sum, row) => sum + row.bytes, 0));
    shares['(file)'] = { MB: fixed(fs.statSync(file).size / MB, 2), share: '100%' };
    return shares;
  } finally {
    db.close();
  }
}

interface QueryTimes {
  dossier: number[];
  plain: number[];
  hits: number[];
}

/** Each query once to warm up, then once timed; the same for plain FTS5. */
async function timeQueries(
  server: DossierServer,
  plain: PlainFts,
  queries: readonly BenchQuery[],
): Promise<QueryTimes> {
  const times: QueryTimes = { dossier: [], plain: [], hits: [] };
  for (const query of queries) {
    await server.search(query.dossier, SEARCH_PANEL_REQUEST);
    const { ms, value } = await timeAsync(() => server.search(query.dossier, SEARCH_PANEL_REQUEST));
    times.dossier.push(ms);
    times.hits.push(value.length);
    plain.search(query.fts);
    times.plain.push(time(() => plain.search(query.fts)).ms);
  }
  return times;
}

function slowest(queries: readonly BenchQuery[], times: QueryTimes, n: number): Row[] {
  return queries
    .map((query, i) => ({ query, i }))
    .sort((a, b) => times.dossier[b.i]! - times.dossier[a.i]!)
    .slice(0, n)
    .map(({ query, i }) => ({
      query: query.dossier,
      kind: query.kind,
      language: query.language,
      'Dossier ms': fixed(times.dossier[i]!, 1),
      hits: String(times.hits[i]),
      'plain FTS5 ms': fixed(times.plain[i]!, 2),
    }));
}

interface RipgrepFigures {
  rgMs: number;
  dossierMs: number;
  words: number;
}

/** `rg -c -i WORD` over the .txt files beside Dossier's search for the same word (both warm). */
async function timeRipgrep(
  server: DossierServer,
  folder: string,
  words: readonly string[],
): Promise<RipgrepFigures | null> {
  const rg = (word: string) =>
    spawnSync('rg', ['-c', '-i', '-F', word, folder], { maxBuffer: 64 * 2 ** 20 });
  if (rg('Debian').error) return null;
  const rgTimes: number[] = [];
  const dossierTimes: number[] = [];
  // Word by word, so the server's connection never idles past its keep-alive while rg reads.
  for (const word of words) {
    rgTimes.push(time(() => rg(word)).ms);
    dossierTimes.push((await timeAsync(() => server.search(word, SEARCH_PANEL_REQUEST))).ms);
  }
  return { rgMs: median(rgTimes), dossierMs: median(dossierTimes), words: words.length };
}

/** Whether the page's marker and a folded word of it find that page, in Dossier and in plain FTS5. */
async function measureRecall(
  server: DossierServer,
  plain: PlainFts,
  samples: readonly RecallSample[],
): Promise<{ dossier: number; plain: number; samples: number }> {
  let dossier = 0;
  let plainFound = 0;
  const missed: string[] = [];
  for (const { document, word } of samples) {
    const hits = await server.search(`type:source ${document.marker} ${word}`, { limit: 10 });
    // Titles are compared as NFC: the importer normalizes text (Arabic marks change order).
    const title = document.title.normalize('NFC');
    if (hits.some((hit) => hit.title.normalize('NFC') === title)) dossier++;
    else missed.push(`${document.language} "${word}" (${document.marker})`);
    if (plain.search(`"${document.marker}" "${word}"`).includes(document.index + 1)) plainFound++;
  }
  if (missed.length > 0) console.log(`Recall: Dossier missed ${missed.join(', ')}`);
  return { dossier, plain: plainFound, samples: samples.length };
}

/**
 * A fresh `dossier serve` started and its first search answered, median of
 * COLD_RUNS. The notebook's pages are dropped from the OS cache first where
 * `dd iflag=nocache` can (no root needed); the program's own files stay warm.
 */
async function coldOpen(
  file: string,
  query: BenchQuery,
): Promise<{ ms: number; listeningMs: number; cache: string }> {
  let dropped = true;
  const times = await sequential(COLD_RUNS, async () => {
    dropped = dropFromCache(file) && dropped;
    const start = process.hrtime.bigint();
    const server = await DossierServer.start(file);
    const listeningMs = elapsedMs(start);
    await server.search(query.dossier, SEARCH_PANEL_REQUEST);
    const ms = elapsedMs(start);
    await server.stop();
    return { ms, listeningMs };
  });
  return {
    ms: median(times.map((run) => run.ms)),
    listeningMs: median(times.map((run) => run.listeningMs)),
    cache: dropped ? "notebook's pages dropped from the file cache" : 'warm file cache',
  };
}

function dropFromCache(file: string): boolean {
  return [file, `${file}-wal`]
    .filter((name) => fs.existsSync(name))
    .every(
      (name) =>
        spawnSync('dd', [`if=${name}`, 'iflag=nocache', 'count=0', 'status=none']).status === 0,
    );
}

async function sequential<T>(n: number, action: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < n; i++) results.push(await action());
  return results;
}
