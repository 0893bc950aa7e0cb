/**
 * Two writers on one notebook at once: two `dossier serve` saving notes over
 * HTTP while `dossier note add` and `dossier import` run in a loop beside them
 * (both servers open the new notebook at once: its migrations run once).
 * No save is lost and the notebook stays sound; and when the write lock cannot
 * be had within the busy timeout, the refusal is a clear conflict naming the
 * server that holds the notebook, not SQLite's raw SQLITE_BUSY.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addressOf,
  apiCaller,
  bundleCrashPrograms,
  finished,
  saveNotesOverHttp,
  spawnServe,
  spawnWriter,
  stopServe,
  type Attempt,
  type CrashPrograms,
} from './support/killCycles';
import { useTempFolder } from './support/tempFolder';
import { verifyCrashNotebook } from './support/verifyCrashNotebook';

/** Notes per server; each is created, then saved three more times. */
const NOTES_PER_SERVER = 30;
const CLI_ROUNDS = 30;

describe('two writers on one notebook', () => {
  const folder = useTempFolder('dossier-two-writers-');
  let programs: CrashPrograms;
  beforeAll(() => {
    programs = bundleCrashPrograms();
  });
  afterAll(() => programs?.remove());

  it('lose no save and leave the notebook sound', async () => {
    const notebook = path.join(folder.path, 'shared.db');
    const servers = [spawnServe(programs, notebook), spawnServe(programs, notebook)];
    try {
      const addresses = await Promise.all(servers.map(addressOf));
      const attempts: Attempt[] = [];
      const filesFolder = path.join(folder.path, 'files');
      const writers = (['notes', 'imports'] as const).map((kind) =>
        spawnWriter({
          kind,
          programs,
          notebook,
          prefix: kind[0]!,
          filesFolder,
          rounds: CLI_ROUNDS,
        }),
      );
      const [ended] = await Promise.all([
        Promise.all(writers.map(({ child, attempts: own }) => finished(child, own))),
        ...addresses.map((address, index) =>
          saveNotesOverHttp(apiCaller(address), `s${index}`, attempts, NOTES_PER_SERVER),
        ),
      ]);
      for (const writer of ended) {
        expect(writer.failure).toBeUndefined();
        attempts.push(...writer.attempts);
      }
      const writes = attempts.length;
      expect(writes).toBe(2 * NOTES_PER_SERVER * 4 + CLI_ROUNDS * (1 + 3));
      expect(attempts.every((attempt) => attempt.acknowledged)).toBe(true);
      const verdict = await verifyCrashNotebook(notebook, attempts);
      expect(verdict.problems).toEqual([]);
      expect(verdict.acknowledged).toBe(writes);
    } finally {
      await Promise.all(servers.map(stopServe));
    }
  }, 180_000);

  it('say which server holds the notebook when its lock cannot be had in time', async () => {
    const notebook = path.join(folder.path, 'locked.db');
    const server = spawnServe(programs, notebook);
    try {
      const address = await addressOf(server);
      const call = apiCaller(address);
      await call('createNote', { title: 'Before the lock' });
      // Another connection keeps the write lock past the busy timeout (5 s).
      const holder = new Database(notebook);
      holder.exec('BEGIN IMMEDIATE');
      try {
        const cli = spawnSync(
          process.execPath,
          [programs.dossier, '--db', notebook, 'note', 'add', '--title', 'Waiting'],
          { encoding: 'utf8' },
        );
        expect(cli.status).toBe(1);
        const origin = new URL(address).origin;
        expect(cli.stderr).toContain(
          `${notebook} is being changed by a Dossier server (pid ${server.child.pid}) at ${origin}/ ` +
            'and stayed locked too long: nothing was saved. Try again in a moment.',
        );
        expect(cli.stderr).not.toMatch(/SQLITE_BUSY|database is locked/);
        await expect(call('createNote', { title: 'Also waiting' })).rejects.toThrow(
          /"code":"conflict".*stayed locked too long: nothing was saved/,
        );
      } finally {
        holder.exec('ROLLBACK');
        holder.close();
      }
      await call('createNote', { title: 'After the lock' });
      const notes = (await call('listNotes', {})) as Array<{ title: string }>;
      expect(notes.map((note) => note.title).sort()).toEqual(['After the lock', 'Before the lock']);
    } finally {
      await stopServe(server);
    }
  }, 60_000);
});
