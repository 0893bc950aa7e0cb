import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupFolderOf } from '../../src/core/backups/backupFiles';
import { listBackups } from '../../src/core/backups/listBackups';
import { holderFileOf, registerHolder } from '../../src/core/backups/notebookHolder';
import { latestSchemaVersion } from '../../src/core/db/migrations';
import { useCliNotebook } from './support/cliNotebook';
import { repoRoot } from '../support/sharedData';

const notebook = useCliNotebook();
const { dossier, dossierJson } = notebook;

const noteTitles = () => dossierJson<Array<{ title: string }>>('notes').map((note) => note.title);

function titlesIn(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT title FROM notes ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** A backup holding one note, and a notebook that has moved on since. */
function backupThenMoveOn(): string {
  dossierJson('note', 'add', '--title', 'Kept in the backup');
  const saved = path.join(notebook.folder, 'saved.db');
  dossierJson('backup', saved);
  dossierJson('note', 'add', '--title', 'Written after');
  return saved;
}

/** The notebook's files, byte for byte, to show a refusal changed nothing. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(notebook.folder).map((name) => {
      const file = path.join(notebook.folder, name);
      const isFile = fs.statSync(file).isFile();
      return [
        name,
        isFile ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'folder',
      ];
    }),
  );
}

describe('dossier restore', () => {
  it('puts the backup in place and keeps the notebook it replaced as a verified backup', () => {
    const saved = backupThenMoveOn();
    const savedBytes = fs.readFileSync(saved);

    const result = dossier('restore', saved, '--yes');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [previous] = listBackups(notebook.databaseFile);
    expect(previous).toMatchObject({ reason: 'before-restore', verified: true });
    expect(result.stdout).toContain(`Restored ${notebook.databaseFile} from ${saved}`);
    expect(result.stdout).toContain(`The previous notebook was backed up to ${previous!.file}`);

    expect(noteTitles()).toEqual(['Kept in the backup']);
    expect(titlesIn(previous!.file)).toEqual(['Kept in the backup', 'Written after']);
    // The user's file is only read.
    expect(fs.readFileSync(saved).equals(savedBytes)).toBe(true);
    expect(dossier('check').code).toBe(0);
  });

  it('restores into a notebook that is not there yet, saying so', () => {
    const saved = backupThenMoveOn();
    const elsewhere = path.join(notebook.folder, 'new', 'place.db');
    const result = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'bin/dossier.cjs'), '--db', elsewhere, 'restore', saved, '--yes'],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('There was no notebook there before.');
    expect(titlesIn(elsewhere)).toEqual(['Kept in the backup']);
  });

  it('prints what it did as JSON', () => {
    const saved = backupThenMoveOn();
    const result = dossierJson<Record<string, unknown>>('restore', saved, '--yes');
    expect(result).toMatchObject({
      notebook: notebook.databaseFile,
      from: saved,
      schemaVersion: latestSchemaVersion,
      previous: expect.stringContaining(backupFolderOf(notebook.databaseFile)),
      previousVerified: true,
    });
  });

  it('refuses while a server holds the notebook, saying which, and changes nothing', () => {
    const saved = backupThenMoveOn();
    // This test's own process stands in for the server: it is alive.
    const release = registerHolder(notebook.databaseFile, {
      kind: 'server',
      url: 'http://127.0.0.1:5123/',
    });
    try {
      const before = snapshot();
      const result = dossier('restore', saved, '--yes');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `is open in a Dossier server (pid ${process.pid}) at http://127.0.0.1:5123/`,
      );
      expect(snapshot()).toEqual(before);
    } finally {
      release();
    }
    expect(fs.existsSync(holderFileOf(notebook.databaseFile))).toBe(false);
  });

  it('ignores a holder whose process is gone', () => {
    const saved = backupThenMoveOn();
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    fs.writeFileSync(
      holderFileOf(notebook.databaseFile),
      JSON.stringify({ pid: ended, kind: 'app', startedAt: new Date().toISOString() }),
    );
    expect(dossier('restore', saved, '--yes').code).toBe(0);
    expect(noteTitles()).toEqual(['Kept in the backup']);
  });

  it('moves a stale -wal beside the notebook out of the way, its content kept in the backup', () => {
    const saved = backupThenMoveOn();
    // A crash leaves a commit in the -wal file only.
    const writer = new Database(notebook.databaseFile);
    writer.pragma('wal_autocheckpoint = 0');
    writer
      .prepare("UPDATE notes SET title = 'Only in the wal' WHERE title = 'Written after'")
      .run();
    const wal = fs.readFileSync(`${notebook.databaseFile}-wal`);
    writer.close();
    fs.writeFileSync(`${notebook.databaseFile}-wal`, wal);

    expect(dossier('restore', saved, '--yes').code).toBe(0);
    expect(noteTitles()).toEqual(['Kept in the backup']);
    expect(dossier('check').code).toBe(0);
    const [previous] = listBackups(notebook.databaseFile);
    expect(previous).toMatchObject({ reason: 'before-restore', verified: true });
    expect(titlesIn(previous!.file)).toEqual(['Kept in the backup', 'Only in the wal']);
  });

  it('without --yes asks on a terminal only, and refuses otherwise', () => {
    const saved = backupThenMoveOn();
    const before = snapshot();
    const result = dossier('restore', saved);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('add --yes to confirm');
    expect(snapshot()).toEqual(before);
  });

  it('refuses a damaged, foreign or newer file and changes nothing', () => {
    const saved = backupThenMoveOn();
    const damaged = path.join(notebook.folder, 'damaged.db');
    const bytes = fs.readFileSync(saved);
    // Garbage over every page after the first: the header still says SQLite.
    bytes.fill(0x5a, 4096 + 200);
    fs.writeFileSync(damaged, bytes);
    const foreign = path.join(notebook.folder, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE recipes (name TEXT)');
    other.pragma('user_version = 3');
    other.close();
    const text = path.join(notebook.folder, 'notes.txt');
    fs.writeFileSync(text, 'not a database at all, just words\n'.repeat(200));
    const newer = path.join(notebook.folder, 'newer.db');
    fs.copyFileSync(saved, newer);
    const bump = new Database(newer);
    bump.pragma(`user_version = ${latestSchemaVersion + 1}`);
    bump.close();

    const before = snapshot();
    const refusals: Array<[string, number, RegExp]> = [
      [damaged, 1, /damaged\.db (failed its integrity check|is not a Dossier notebook)/],
      [foreign, 1, /foreign\.db is not a Dossier notebook/],
      [text, 1, /notes\.txt is not a Dossier notebook/],
      [newer, 1, /newer version of Dossier/],
      [path.join(notebook.folder, 'missing.db'), 1, /missing\.db does not exist/],
    ];
    for (const [file, code, message] of refusals) {
      const result = dossier('restore', file, '--yes');
      expect(result.stderr, file).toMatch(message);
      expect(result.code, file).toBe(code);
    }
    expect(snapshot()).toEqual(before);
    expect(noteTitles().sort()).toEqual(['Kept in the backup', 'Written after']);
  });

  it('is refused while dossier serve holds the notebook, which makes backups on request', async () => {
    const saved = backupThenMoveOn();
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'bin/dossier.cjs'),
        '--db',
        notebook.databaseFile,
        'serve',
        '--port',
        '0',
      ],
      { cwd: notebook.folder, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const [, origin, token] = /^(http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)$/.exec(firstLine)!;
      const call = async (method: string) => {
        const reply = await fetch(`${origin}api/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: '{}',
        });
        return ((await reply.json()) as { value: unknown }).value;
      };
      const made = (await call('backUpNow')) as { file: string; reason: string };
      expect(made.reason).toBe('manual');
      expect(await call('listBackups')).toEqual([expect.objectContaining({ file: made.file })]);

      const result = await notebook.dossierAsync('restore', saved, '--yes');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `is open in a Dossier server (pid ${child.pid}) at ${origin}`,
      );
      expect(result.stderr).not.toContain(token!);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    // A server that stopped holds nothing any more.
    expect(fs.existsSync(holderFileOf(notebook.databaseFile))).toBe(false);
    expect(dossier('restore', saved, '--yes').code).toBe(0);
  });
});
