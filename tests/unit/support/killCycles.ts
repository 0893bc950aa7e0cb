/**
 * Kill cycles for the crash tests and `npm run bench -- reliability`: a real
 * writer (the `dossier` command's entry in a loop, or `dossier serve` saving
 * notes over HTTP) is started on a notebook, killed with SIGKILL at a random
 * moment after it began writing, and the next cycle opens the same notebook.
 * Each cycle returns what was tried and what was acknowledged; verifyNotebook
 * then holds the notebook to every acknowledged save.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { buildNoteBody } from '../../../src/core/notes/noteBody';
import { repoRoot } from '../../support/sharedData';
import { noteSave, type CrashSave } from './crashSaves';
import type { Random } from './seededRandom';

export type WriterKind = 'notes' | 'imports' | 'server';

/** One save as the writer reported it; `item` names the note or source it is a state of. */
export interface Attempt {
  item: string;
  save: CrashSave;
  acknowledged: boolean;
}

export interface KillCycle {
  attempts: Attempt[];
  /** Ended by SIGKILL. */
  killed: boolean;
  /** How it ended otherwise, when not with exit code 0. */
  failure?: string;
}

/** The bundled programs a kill cycle starts. */
export interface CrashPrograms {
  /** The `dossier` command (bin/dossier.cjs with the sources it loads). */
  dossier: string;
  /** crashWriter.ts. */
  writer: string;
  /** Removes the bundle. */
  remove(): void;
}

/**
 * Bundles the `dossier` command, browser mode's core thread and the writer
 * once with esbuild, so a cycle starts without compiling TypeScript. The
 * bundle sits inside the package (node_modules/.cache) because `dossier serve`
 * finds the built interface from its own file, and the core thread's file
 * beside the command's, as in a built app.
 */
export function bundleCrashPrograms(): CrashPrograms {
  const cache = path.join(repoRoot, 'node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  const folder = fs.mkdtempSync(path.join(cache, 'dossier-crash-'));
  const result = spawnSync(
    path.join(repoRoot, 'node_modules/.bin/esbuild'),
    [
      path.join(repoRoot, 'bin/dossier.cjs'),
      path.join(repoRoot, 'src/coreProcess/workerMain.ts'),
      path.join(repoRoot, 'tests/unit/support/crashWriter.ts'),
      '--bundle',
      '--platform=node',
      '--format=cjs',
      '--packages=external',
      '--log-level=error',
      `--outdir=${folder}`,
      '--entry-names=[name]',
      '--out-extension:.js=.cjs',
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`esbuild failed: ${result.stderr}`);
  return {
    dossier: path.join(folder, 'dossier.cjs'),
    writer: path.join(folder, 'crashWriter.cjs'),
    remove: () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

export interface CycleOptions {
  kind: WriterKind;
  notebook: string;
  /** Unique per cycle: names the cycle's notes and files. */
  prefix: string;
  programs: CrashPrograms;
  /** Where import files are written (outside the notebook's folder is fine). */
  filesFolder: string;
  /** Longest wait before the kill, once the writer is writing (the server: once it listens). */
  maxDelayMs: number;
  random: Random;
}

export function runKillCycle(options: CycleOptions): Promise<KillCycle> {
  const { kind } = options;
  return kind === 'server' ? serverCycle(options) : writerCycle({ ...options, kind });
}

/**
 * The kill falls inside the writer's work, after a random number (0–3) of its
 * commands were acknowledged and a random time into the next one.
 */
function writerCycle(options: CycleOptions & { kind: WriterOptions['kind'] }): Promise<KillCycle> {
  const afterAcks = Math.floor(options.random() * 4);
  let acks = 0;
  let scheduled = false;
  const { child, attempts } = spawnWriter(options, (word) => {
    if (word === 'ack') acks++;
    else if (!scheduled && acks >= afterAcks) {
      scheduled = true;
      killLater(child, options);
    }
  });
  return finished(child, attempts);
}

export interface WriterOptions {
  kind: 'notes' | 'imports';
  programs: CrashPrograms;
  notebook: string;
  prefix: string;
  filesFolder: string;
  /** Commands to run before ending; without, it writes until killed. */
  rounds?: number;
}

/** Starts crashWriter; `attempts` fills as it reports each save (`onReport` hears each line). */
export function spawnWriter(
  options: WriterOptions,
  onReport: (word: 'try' | 'ack') => void = () => undefined,
): { child: ChildProcess; attempts: Attempt[] } {
  const args = [options.programs.writer, options.kind, options.notebook, options.prefix];
  if (options.kind === 'imports') args.push(options.filesFolder);
  if (options.rounds !== undefined) args.push(String(options.rounds));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const attempts: Attempt[] = [];
  const tried = new Map<string, Attempt>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const match = /^(try|ack) (.*)$/.exec(line);
    if (match === null) return;
    const save = JSON.parse(match[2]!) as CrashSave;
    if (match[1] === 'try') {
      const attempt = { item: save.token, save, acknowledged: false };
      attempts.push(attempt);
      tried.set(save.token, attempt);
    } else tried.get(save.token)!.acknowledged = true;
    onReport(match[1] as 'try' | 'ack');
  });
  return { child, attempts };
}

/** `dossier serve` on the notebook; notes created and saved over HTTP one at a time until the kill. */
async function serverCycle(options: CycleOptions): Promise<KillCycle> {
  const { child, address, ended } = spawnServe(options.programs, options.notebook);
  const attempts: Attempt[] = [];
  const listening = await address;
  if (listening !== null) {
    killLater(child, options);
    try {
      await saveNotesOverHttp(apiCaller(listening), options.prefix, attempts);
    } catch {
      // The server was killed under a request: what it acknowledged is what counts.
    }
  }
  return { ...(await ended), attempts };
}

export interface ServeProcess {
  child: ChildProcess;
  /** The line it prints first (its address with the token); null when it ended before. */
  address: Promise<string | null>;
  /** How it ended. Its stderr is read all along: a full pipe would block its writes. */
  ended: Promise<KillCycle>;
}

/** Starts `dossier serve` on the notebook. */
export function spawnServe(programs: CrashPrograms, notebook: string): ServeProcess {
  const child = spawn(
    process.execPath,
    [programs.dossier, '--db', notebook, 'serve', '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const ended = finished(child, []);
  const address = new Promise<string | null>((resolve) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    void ended.then(() => resolve(null));
  });
  return { child, address, ended };
}

/** Its address, or an error saying how it ended before it listened. */
export async function addressOf(server: ServeProcess): Promise<string> {
  const address = await server.address;
  if (address !== null) return address;
  throw new Error(`dossier serve ended before listening: ${(await server.ended).failure}`);
}

/** Stops a server as Ctrl+C would; one that has not ended after 10 s is killed. */
export async function stopServe({ child, ended }: ServeProcess): Promise<void> {
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await ended;
  clearTimeout(timer);
}

/** Far beyond a save's time even behind another writer's lock (busy timeout: 5 s). */
const REQUEST_TIMEOUT_MS = 60_000;

export type ApiCall = (method: string, args: unknown) => Promise<unknown>;

/** Calls `dossier serve`'s API at the address it printed (token included), as the renderer does. */
export function apiCaller(address: string): ApiCall {
  const url = new URL(address);
  const token = url.hash.replace('#token=', '');
  return async (method, args) => {
    const response = await fetch(new URL(`/api/${method}`, url.origin), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
      // A request left unanswered fails the test with its name instead of hanging it.
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!body.ok) throw new Error(`${method} refused: ${JSON.stringify(body.error)}`);
    return body.value;
  };
}

/** Creates notes and saves each three more times, one request at a time, recording each in `attempts`. */
export async function saveNotesOverHttp(
  call: ApiCall,
  prefix: string,
  attempts: Attempt[],
  rounds = Infinity,
): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const item = `${prefix}-${round}`;
    const first = noteSave(prefix, round);
    const created = attempt(attempts, item, first);
    const { noteId } = (await call('createNote', first)) as { noteId: string };
    created.acknowledged = true;
    for (let edit = 1; edit <= 3; edit++) {
      const save = noteSave(prefix, round, edit);
      const saved = attempt(attempts, item, save);
      await call('saveNote', { noteId, title: save.title, body: buildNoteBody(save.text, []) });
      saved.acknowledged = true;
    }
  }
}

function attempt(attempts: Attempt[], item: string, save: CrashSave): Attempt {
  const made = { item, save, acknowledged: false };
  attempts.push(made);
  return made;
}

function killLater(child: ChildProcess, options: CycleOptions): void {
  setTimeout(() => child.kill('SIGKILL'), Math.floor(options.random() * options.maxDelayMs));
}

/** Resolves when the process has ended and its output is read: killed, or how it ended. */
export function finished(child: ChildProcess, attempts: Attempt[]): Promise<KillCycle> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.once('close', (code, signal) => {
      const killed = signal === 'SIGKILL';
      const failure =
        killed || code === 0 ? undefined : `exited ${code ?? signal}: ${stderr.trim()}`;
      resolve({ attempts, killed, ...(failure ? { failure } : {}) });
    });
  });
}

/** Removes the folder's import batches once a cycle is over (they are in the notebook or not). */
export function clearFiles(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
}

export interface KillSeries {
  kind: WriterKind;
  notebook: string;
  attempts: Attempt[];
  kills: number;
  /** Writers that ended before their kill, with how. */
  failures: string[];
  milliseconds: number;
}

/** `cycles` kill cycles of one kind, one after another on one notebook in `folder`. */
export async function runKillSeries(
  kind: WriterKind,
  cycles: number,
  { folder, programs, random }: { folder: string; programs: CrashPrograms; random: Random },
): Promise<KillSeries> {
  const started = Date.now();
  const notebook = path.join(folder, `${kind}.db`);
  const filesFolder = path.join(folder, `${kind}-files`);
  const series: KillSeries = {
    kind,
    notebook,
    attempts: [],
    kills: 0,
    failures: [],
    milliseconds: 0,
  };
  // Into one command of the CLI (a few tens of milliseconds), or into a stream of HTTP saves.
  const maxDelayMs = kind === 'server' ? 600 : 60;
  for (let cycle = 0; cycle < cycles; cycle++) {
    clearFiles(filesFolder);
    const prefix = `${kind[0]}${cycle}`;
    const result = await runKillCycle({
      kind,
      notebook,
      prefix,
      programs,
      filesFolder,
      maxDelayMs,
      random,
    });
    series.attempts.push(...result.attempts);
    if (result.killed) series.kills++;
    else
      series.failures.push(`cycle ${cycle} ended before its kill: ${result.failure ?? 'exit 0'}`);
  }
  series.milliseconds = Date.now() - started;
  return series;
}
