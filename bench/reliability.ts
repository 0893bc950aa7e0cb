/**
 * `npm run bench -- reliability`: what "nothing is ever lost" holds to, in
 * figures. Prints tables; asserts nothing.
 *
 * - Kills: writers (`dossier note add` and `dossier import` in a loop,
 *   `dossier serve` saving notes over HTTP) killed with SIGKILL at random
 *   moments; acknowledged saves lost afterwards (goal 0) and other problems
 *   (a state no writer tried, a failed check).
 * - Damaged notebooks (cut short, zeroed header, flipped bytes, a garbage page,
 *   a garbage WAL): opened by the core and by the `dossier` command without a
 *   crash, and their files left byte for byte (where they are, or moved aside).
 * - Bad inputs: every fixture file, cut in half, with bytes flipped, and random
 *   or empty bytes under each extension, imported: refused with a reason or
 *   imported, never a crash; the notebook passes its check after them.
 * - A full disk (a small tmpfs; needs root) and two servers plus the CLI on one
 *   notebook, tried a few times each.
 *
 * DOSSIER_SEED replays a run; DOSSIER_BENCH_KILLS scales the kills (default 200).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/core/createCore';
import { isDossierError } from '../src/shared/errors';
import { repoRoot } from '../tests/support/sharedData';
import { mountSmallDisk } from '../tests/support/smallDisk';
import {
  COMPANIONS,
  buildNotebookWithWal,
  damage,
  damageKinds,
  fileHashes,
} from '../tests/unit/support/damagedNotebook';
import {
  addressOf,
  apiCaller,
  bundleCrashPrograms,
  finished,
  runKillSeries,
  saveNotesOverHttp,
  spawnServe,
  spawnWriter,
  stopServe,
  type Attempt,
  type CrashPrograms,
  type WriterKind,
} from '../tests/unit/support/killCycles';
import { chooseSeed, seededRandom } from '../tests/unit/support/seededRandom';
import { verifyCrashNotebook } from '../tests/unit/support/verifyCrashNotebook';

const TOTAL_KILLS = Number(process.env.DOSSIER_BENCH_KILLS ?? 200);
const DISK_FULL_TRIALS = 5;
const TWO_WRITER_TRIALS = 3;

export async function runReliabilityBench(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-reliability-'));
  const programs = bundleCrashPrograms();
  try {
    await killsTable(programs, path.join(folder, 'kills'));
    await damagedTable(path.join(folder, 'damaged'));
    await badInputsTable(path.join(folder, 'inputs'));
    await diskFullTable();
    await twoWritersTable(programs, path.join(folder, 'two-writers'));
  } finally {
    programs.remove();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function killsTable(programs: CrashPrograms, folder: string): Promise<void> {
  const seed = chooseSeed();
  console.log(
    `\nWriters killed with SIGKILL at random moments (seed ${seed}; DOSSIER_SEED replays it)`,
  );
  fs.mkdirSync(folder, { recursive: true });
  const share: Record<WriterKind, number> = { notes: 0.5, imports: 0.35, server: 0.15 };
  const kinds = Object.keys(share) as WriterKind[];
  const all = await Promise.all(
    kinds.map((kind, index) =>
      runKillSeries(kind, Math.max(1, Math.round(TOTAL_KILLS * share[kind])), {
        folder,
        programs,
        random: seededRandom(seed + index),
      }),
    ),
  );
  const rows: Record<string, Record<string, number | string>> = {};
  let survived = 0;
  for (const series of all) {
    const verdict = await verifyCrashNotebook(series.notebook, series.attempts);
    const sound = verdict.problems.length === 0 && series.failures.length === 0;
    if (sound) survived += series.kills;
    rows[series.kind] = {
      kills: series.kills,
      'acknowledged saves': verdict.acknowledged,
      'acknowledged lost': verdict.lost,
      'other problems': verdict.problems.length - verdict.lost + series.failures.length,
      'sound afterwards': sound ? 'yes' : 'NO',
      seconds: Number((series.milliseconds / 1000).toFixed(1)),
    };
    for (const problem of [...series.failures, ...verdict.problems].slice(0, 5)) {
      console.log(`  ${series.kind}: ${problem}`);
    }
  }
  console.table(rows);
  const total = all.reduce((sum, series) => sum + series.kills, 0);
  console.log(
    `Kills survived: ${survived} of ${total} (a kind's kills count when its notebook kept every acknowledged save and passed its checks)`,
  );
}

async function damagedTable(folder: string): Promise<void> {
  console.log('\nDamaged notebooks opened (goal: no crash, every file byte-identical)');
  const rows: Record<string, Record<string, string>> = {};
  for (const kind of damageKinds) {
    // One damaged notebook for the core, a copy of it for the command (the core moves its own aside).
    const caseFolder = path.join(folder, kind);
    const file = path.join(caseFolder, 'core', 'notebook.db');
    const copy = path.join(caseFolder, 'cli', 'notebook.db');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    await buildNotebookWithWal(file);
    damage(file, kind);
    for (const suffix of COMPANIONS) {
      if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
    }
    const before = [...fileHashes(file).values()].sort();

    const core = openDamaged(file);
    const cli = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'bin/dossier.cjs'), '--db', copy, 'list'],
      { encoding: 'utf8' },
    );
    const crashed = /internal error|\n\s+at /.test(cli.stderr);
    const kept = (where: string) => {
      const after = [...hashesInFolder(where).values()];
      return before.every((hash) => after.includes(hash));
    };
    rows[kind] = {
      core,
      'dossier list': crashed
        ? 'CRASHED'
        : cli.status === 0
          ? 'listed'
          : `refused (exit ${cli.status})`,
      'files byte-identical': kept(path.dirname(file)) && kept(path.dirname(copy)) ? 'yes' : 'NO',
    };
  }
  console.table(rows);
}

/** What the core made of a damaged notebook: refused with a reason, or opened and read. */
function openDamaged(file: string): string {
  try {
    const core = createCore(file);
    try {
      core.listSources({});
      core.listNotes({});
      return 'opened and read';
    } catch (error) {
      return isDossierError(error) ? `read refused (${error.code})` : 'CRASHED on read';
    } finally {
      core.close();
    }
  } catch (error) {
    return isDossierError(error) ? `refused (${error.code})` : 'CRASHED on open';
  }
}

/** Every notebook file in the folder (moved aside or not), by name. */
function hashesInFolder(folder: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const name of fs.readdirSync(folder)) {
    if (!name.startsWith('notebook.db')) continue;
    const base = path.join(folder, name.replace(/-(wal|shm)$/, ''));
    for (const [suffix, hash] of fileHashes(base)) hashes.set(`${base}${suffix}`, hash);
  }
  return hashes;
}

async function badInputsTable(folder: string): Promise<void> {
  console.log(
    '\nBad inputs imported (goal: each imported or refused with a reason, never a crash)',
  );
  fs.mkdirSync(folder, { recursive: true });
  const core = createCore(path.join(folder, 'inputs.db'));
  const counts = { tried: 0, imported: 0, refused: 0, crashed: 0 };
  const crashes: string[] = [];
  try {
    for (const input of badInputs()) {
      counts.tried++;
      try {
        await core.importFile({
          fileName: input.fileName,
          contentBase64: input.bytes.toString('base64'),
        });
        counts.imported++; // imported, a duplicate or a new version: taken cleanly
      } catch (error) {
        if (isDossierError(error)) counts.refused++;
        else {
          counts.crashed++;
          crashes.push(`${input.fileName}: ${String(error)}`);
        }
      }
    }
    const check = await core.checkNotebook({});
    console.table({ 'bad inputs': { ...counts, 'check afterwards': check.ok ? 'ok' : 'FAILED' } });
    crashes.slice(0, 5).forEach((crash) => console.log(`  ${crash}`));
  } finally {
    core.close();
  }
}

/** Each fixture as it is, cut in half and with bytes flipped; random and empty bytes under each extension. */
function* badInputs(): Generator<{ fileName: string; bytes: Buffer }> {
  const fixtures = path.join(repoRoot, 'tests/fixtures');
  const files = fs.readdirSync(fixtures, { recursive: true, encoding: 'utf8' });
  const extensions = new Set<string>();
  const random = seededRandom(7);
  for (const name of files) {
    const full = path.join(fixtures, name);
    if (!fs.statSync(full).isFile()) continue;
    const bytes = fs.readFileSync(full);
    const base = path.basename(name);
    extensions.add(path.extname(base));
    yield { fileName: base, bytes };
    yield { fileName: `half-${base}`, bytes: bytes.subarray(0, Math.floor(bytes.length / 2)) };
    const flipped = Buffer.from(bytes);
    for (let count = 0; count < 64 && flipped.length > 0; count++) {
      flipped[Math.floor(random() * flipped.length)]! ^= 0xff;
    }
    yield { fileName: `flipped-${base}`, bytes: flipped };
  }
  for (const extension of extensions) {
    const noise = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
    yield { fileName: `noise${extension}`, bytes: noise };
    yield { fileName: `empty${extension}`, bytes: Buffer.alloc(0) };
  }
}

async function diskFullTable(): Promise<void> {
  console.log(
    '\nA full disk under an open notebook (goal: disk_full, nothing saved, saved after freeing)',
  );
  const disk = mountSmallDisk();
  if ('skipped' in disk) {
    console.log(`  skipped: ${disk.skipped}`);
    return;
  }
  let passed = 0;
  try {
    for (let trial = 0; trial < DISK_FULL_TRIALS; trial++) {
      const core = createCore(path.join(disk.folder, `trial-${trial}.db`));
      try {
        core.createNote({ title: 'Before', text: 'first words' });
        disk.fill();
        const save = () =>
          core.createNote({ title: `Long ${trial}`, text: 'Typed while full. '.repeat(20_000) });
        let refusedClearly = false;
        try {
          save();
        } catch (error) {
          refusedClearly = isDossierError(error) && error.code === 'disk_full';
        }
        disk.free();
        save();
        const check = await core.checkNotebook({});
        if (refusedClearly && check.ok && core.listNotes({}).length === 2) passed++;
      } finally {
        core.close();
        disk.free();
      }
      fs.rmSync(path.join(disk.folder, `trial-${trial}.db`), { force: true });
    }
  } finally {
    disk.unmount();
  }
  console.table({ 'disk-full trials': { trials: DISK_FULL_TRIALS, passed } });
}

async function twoWritersTable(programs: CrashPrograms, folder: string): Promise<void> {
  console.log(
    '\nTwo servers and the CLI writing one notebook at once (goal: none lost, check passes)',
  );
  const rows: Record<string, Record<string, number | string>> = {};
  for (let trial = 0; trial < TWO_WRITER_TRIALS; trial++) {
    fs.mkdirSync(folder, { recursive: true });
    const notebook = path.join(folder, `trial-${trial}.db`);
    const servers = [spawnServe(programs, notebook), spawnServe(programs, notebook)];
    try {
      const addresses = await Promise.all(servers.map(addressOf));
      const attempts: Attempt[] = [];
      const filesFolder = path.join(folder, `files-${trial}`);
      const writers = (['notes', 'imports'] as const).map((kind) =>
        spawnWriter({
          kind,
          programs,
          notebook,
          prefix: `${kind[0]}${trial}`,
          filesFolder,
          rounds: 20,
        }),
      );
      const failures: string[] = [];
      const [ended] = await Promise.all([
        Promise.all(writers.map(({ child, attempts: own }) => finished(child, own))),
        ...addresses.map((address, index) =>
          saveNotesOverHttp(apiCaller(address), `s${trial}x${index}`, attempts, 20).catch(
            (error: unknown) => void failures.push(String(error)),
          ),
        ),
      ]);
      for (const writer of ended) {
        attempts.push(...writer.attempts);
        if (writer.failure) failures.push(writer.failure);
      }
      const verdict = await verifyCrashNotebook(notebook, attempts);
      rows[`trial ${trial + 1}`] = {
        writes: attempts.length,
        acknowledged: verdict.acknowledged,
        lost: verdict.lost,
        'refused writes': failures.length,
        problems: verdict.problems.length,
      };
    } finally {
      await Promise.all(servers.map(stopServe));
    }
  }
  console.table(rows);
}
