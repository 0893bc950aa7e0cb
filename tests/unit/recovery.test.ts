/**
 * Opening damaged, foreign and read-only notebooks through the core: damage
 * deep in a table is a clear 'damaged' error when a query meets it, a file
 * that is no notebook is left where it is, and a notebook this account may
 * not change answers queries and refuses writes with the reason.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/createCore';
import { recoverNotebook } from '../../src/core/recovery/recoverNotebook';
import { repoRoot } from '../support/sharedData';
import { expectDossierError, expectDossierRejection } from './support/tempCore';
import { useTempFolder } from './support/tempFolder';
import { sha256 } from './support/damagedNotebook';
import { fillSchema7, schema7Blocks, schema7Texts } from './support/schema7Notebook';

const NOBODY = 65534;

describe('opening a damaged notebook', () => {
  const temp = useTempFolder('dossier-recovery-');

  it('leaves a file that is no notebook where it is, unchanged', () => {
    const file = path.join(temp.path, 'notes.db');
    fs.writeFileSync(file, 'These are my notes, not a database.\n'.repeat(100));
    const hash = sha256(file);
    const error = expectDossierError(() => createCore(file), 'unsupported');
    expect(error.message).toContain('left untouched');
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(temp.path)).toEqual(['notes.db']);
  });

  it('moves a notebook cut short aside, naming its newest backup, but not while a running server holds it', async () => {
    const file = path.join(temp.path, 'notebook.db');
    const core = createCore(file);
    core.createNote({ title: 'Harbour', text: 'Cracks in the quay.' });
    const backup = await core.backUp('manual');
    core.close();
    fs.truncateSync(file, fs.statSync(file).size - 4096);
    const hash = sha256(file);

    // Another process (this test's parent) holds it: it stays where it is.
    fs.writeFileSync(
      `${file}.holder.json`,
      JSON.stringify({ pid: process.ppid, kind: 'server', startedAt: new Date().toISOString() }),
    );
    const held = expectDossierError(() => createCore(file), 'damaged');
    expect(held.message).toContain(`(pid ${process.ppid})`);
    expect(held.message).toContain('has it open, so it was left where it is');
    expect(sha256(file)).toBe(hash);

    fs.rmSync(`${file}.holder.json`);
    const error = expectDossierError(() => createCore(file), 'damaged');
    expect(error.message).toContain('the file is cut short');
    expect(error.message).toContain(`The newest verified backup is ${backup.file}`);
    expect(error.message).toContain(`dossier --db ${file} restore ${backup.file}`);
    expect(fs.existsSync(file)).toBe(false);
    const moved = fs.readdirSync(temp.path).find((name) => name.includes('.damaged-'))!;
    expect(sha256(path.join(temp.path, moved))).toBe(hash);
  });

  it('names dossier check and dossier recover when a query meets a damaged page', () => {
    const file = path.join(temp.path, 'notebook.db');
    let core = createCore(file);
    for (let index = 0; index < 300; index++) {
      core.createNote({
        title: `Note ${index}`,
        text: `The tide table for day ${index}. `.repeat(8),
      });
    }
    core.close();
    spoilMiddleLeaf(file, 'notes');

    // Opening reads only the schema and each table's edges: it opens.
    core = createCore(file);
    try {
      const error = expectDossierError(() => core.listNotes({}), 'damaged');
      expect(error.message).toContain(file);
      expect(error.message).toContain('dossier --db');
      expect(error.message).toContain(' check`');
      expect(error.message).toContain(`dossier recover ${file} --out`);
    } finally {
      core.close();
    }
  });

  it('recovers the readable notes around a damaged page, naming the ids lost', async () => {
    const file = path.join(temp.path, 'notebook.db');
    const core = createCore(file);
    for (let index = 0; index < 300; index++) {
      core.createNote({
        title: `Note ${index}`,
        text: `The tide table for day ${index}. `.repeat(8),
      });
    }
    core.close();
    const lostIds = spoilMiddleLeaf(file, 'notes');
    const hash = sha256(file);

    const out = path.join(temp.path, 'recovered.db');
    const report = await recoverNotebook(file, out);
    expect(sha256(file)).toBe(hash);
    const notes = report.tables.find((table) => table.table === 'notes')!;
    expect(notes.salvaged).toBe(300 - lostIds.length);
    expect(notes.unreadable).toEqual([[lostIds[0], lostIds.at(-1)]]);
    expect(report.check.ok).toBe(true);
    const recovered = createCore(out);
    try {
      expect(recovered.listNotes({})).toHaveLength(300 - lostIds.length);
      expect(recovered.search({ query: 'tide' }).length).toBeGreaterThan(0);
    } finally {
      recovered.close();
    }
    await expectDossierRejection(() => recoverNotebook(file, out), 'already_exists');
    await expectDossierRejection(
      () => recoverNotebook(path.join(temp.path, 'absent.db'), path.join(temp.path, 'x.db')),
      'not_found',
    );
  });
  it('salvages the texts of a notebook from before texts were kept compressed', async () => {
    const file = path.join(temp.path, 'schema7.db');
    const old = new Database(file);
    fillSchema7(old);
    old.close();

    const out = path.join(temp.path, 'recovered.db');
    const report = await recoverNotebook(file, out);
    expect(report.tables.find((table) => table.table === 'source_versions')?.salvaged).toBe(3);
    expect(report.check.ok).toBe(true);
    const recovered = createCore(out);
    try {
      expect(recovered.getSource({ sourceId: '2' }).text).toBe(schema7Texts.fromFile);
      expect(recovered.getSource({ sourceId: '3' }).blocks).toEqual(
        schema7Blocks(schema7Texts.long),
      );
      expect(recovered.search({ query: 'Fähre' }).map((hit) => hit.id)).toEqual(['1']);
    } finally {
      recovered.close();
    }
  });
});

describe('a notebook this account may not change', () => {
  const temp = useTempFolder('dossier-read-only-');

  it.each([
    ['file', false],
    ['folder', true],
  ])('opens read-only when its %s is write-protected', (_what, protectFolder) => {
    const folder = path.join(temp.path, 'notebooks');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'notebook.db');
    const core = createCore(file);
    core.createNote({ title: 'Harbour', text: 'Cracks in the north quay.' });
    core.close();
    fs.chmodSync(file, 0o444);
    if (protectFolder) fs.chmodSync(folder, 0o555);
    fs.chmodSync(temp.path, 0o755);
    const hash = sha256(file);

    // As root, permissions stop nothing: the check runs as an unprivileged account instead.
    const asRoot = process.getuid?.() === 0;
    const result = spawnSync(process.execPath, ['-e', readOnlyScript, file], {
      cwd: repoRoot,
      encoding: 'utf8',
      ...(asRoot && { uid: NOBODY, gid: NOBODY }),
    });
    if (protectFolder) fs.chmodSync(folder, 0o755);
    expect(result.stderr).toBe('');
    const seen = JSON.parse(result.stdout) as {
      status: { readOnly: boolean; reason: string; databaseFile: string };
      notes: string[];
      hits: number;
      refusal: { code: string; message: string };
    };
    expect(seen.status).toEqual({
      databaseFile: file,
      readOnly: true,
      reason: `this account may not change the file ${file}`,
    });
    expect(seen.notes).toEqual(['Harbour']);
    expect(seen.hits).toBe(1);
    expect(seen.refusal.code).toBe('forbidden');
    expect(seen.refusal.message).toContain(`${file} is open read-only`);
    expect(sha256(file)).toBe(hash);
  });
});

/** Opens the notebook named in argv, reads, searches and tries to write; prints what it saw. */
const readOnlyScript = `
require('tsx/cjs');
const { createCore } = require('./src/core/createCore.ts');
const core = createCore(process.argv[1]);
const seen = {
  status: core.notebookStatus({}),
  notes: core.listNotes({}).map((note) => note.title),
  hits: core.search({ query: 'quay' }).length,
};
try {
  core.createNote({ title: 'Not saved' });
} catch (error) {
  seen.refusal = { code: error.code, message: error.message };
}
core.close();
process.stdout.write(JSON.stringify(seen));
`;

/**
 * Overwrites a leaf page in the middle of `table`'s b-tree (neither its first
 * nor its last) with garbage; returns the ids of the rows that were on it.
 */
function spoilMiddleLeaf(file: string, table: string): number[] {
  const db = new Database(file);
  let leaves: number[];
  let pageSize: number;
  try {
    // dbstat's paths sort the leaves in key order.
    leaves = db
      .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path")
      .pluck()
      .all(table) as number[];
    pageSize = db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close(); // the last connection's close writes the WAL into the file
  }
  expect(leaves.length).toBeGreaterThan(4);
  const start = (leaves[Math.floor(leaves.length / 2)]! - 1) * pageSize;
  const bytes = fs.readFileSync(file);
  const ids = leafRowids(bytes.subarray(start, start + pageSize));
  bytes.fill(0x5a, start, start + pageSize);
  fs.writeFileSync(file, bytes);
  return ids;
}

/** The rowids of a table b-tree leaf page's cells (https://www.sqlite.org/fileformat.html). */
function leafRowids(page: Buffer): number[] {
  const cells = page.readUInt16BE(3);
  const ids: number[] = [];
  for (let cell = 0; cell < cells; cell++) {
    const payloadSize = readVarint(page, page.readUInt16BE(8 + 2 * cell));
    ids.push(readVarint(page, payloadSize.next).value);
  }
  return ids.sort((a, b) => a - b);
}

function readVarint(bytes: Buffer, offset: number): { value: number; next: number } {
  let value = 0;
  for (let index = 0; index < 8; index++) {
    const byte = bytes[offset + index]!;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return { value, next: offset + index + 1 };
  }
  return { value: value * 256 + bytes[offset + 8]!, next: offset + 9 };
}
