/**
 * Damaged notebooks made from a real one: a notebook with something of
 * everything, caught with a live write-ahead log beside it (as after a crash),
 * then cut short, its header zeroed, bytes flipped in a table's page, a page
 * overwritten with garbage, or its WAL replaced by garbage.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../../src/core/createCore';
import { notebookTables } from '../../../src/core/export/notebookFormat';
import { buildGoldenNote } from './richNotebook';

export const damageKinds = [
  'truncated',
  'zeroed-header',
  'flipped-bytes',
  'garbage-page',
  'garbage-wal',
] as const;
export type DamageKind = (typeof damageKinds)[number];

/** The table each kind damages (none for the kinds that spoil the whole file's framing). */
export const damagedTable: Record<DamageKind, string | null> = {
  truncated: null,
  'zeroed-header': null,
  'flipped-bytes': 'passages',
  'garbage-page': 'notes',
  'garbage-wal': null,
};

export const COMPANIONS = ['', '-wal', '-shm'];

/**
 * Builds the notebook in `folder/build/`, then leaves `file` with a `-wal`
 * and `-shm` holding its last write (copied while the notebook is open).
 */
export async function buildNotebookWithWal(file: string): Promise<void> {
  const build = path.join(path.dirname(file), 'build', 'notebook.db');
  let core = createCore(build);
  await buildGoldenNote(core, { breakLink: false });
  await core.importText({ title: 'Ferries', text: 'The ferry to the island leaves at dawn.' });
  core.createNote({ title: 'Plain note', text: 'Tides rise twice a day.' });
  core.close();
  core = createCore(build);
  try {
    core.setHighlightColorLabel({ color: 'green', label: 'evidence' });
    for (const suffix of COMPANIONS) fs.copyFileSync(build + suffix, file + suffix);
  } finally {
    core.close();
  }
  fs.rmSync(path.dirname(build), { recursive: true, force: true });
}

export function damage(file: string, kind: DamageKind): void {
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  const table = damagedTable[kind];
  const page = table === null ? 0 : rootPage(file, table) - 1;
  switch (kind) {
    case 'truncated':
      // The last quarter of the pages gone (a copy that stopped short); the schema's pages come first.
      fs.truncateSync(file, Math.floor((bytes.length / pageSize) * 0.75) * pageSize);
      return;
    case 'zeroed-header':
      bytes.fill(0, 0, 100);
      break;
    case 'flipped-bytes':
      for (let offset = 0; offset < 40; offset += 3) bytes[page * pageSize + offset]! ^= 0xff;
      break;
    case 'garbage-page':
      garbage(pageSize).copy(bytes, page * pageSize);
      break;
    case 'garbage-wal':
      fs.writeFileSync(`${file}-wal`, garbage(fs.statSync(`${file}-wal`).size));
      return;
  }
  fs.writeFileSync(file, bytes);
}

/** The page where `table`'s b-tree starts, read from an untouched copy of the schema. */
function rootPage(file: string, table: string): number {
  const bytes = fs.readFileSync(file);
  // As a rollback-journal database: a WAL one cannot be read from memory.
  bytes[18] = bytes[19] = 1;
  const db = new Database(bytes);
  try {
    return db
      .prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?')
      .pluck()
      .get(table) as number;
  } finally {
    db.close();
  }
}

/** Deterministic bytes with no structure (a xorshift stream). */
function garbage(length: number): Buffer {
  const out = Buffer.alloc(length);
  let state = 0x9e3779b9;
  for (let index = 0; index < length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[index] = state & 0xff;
  }
  return out;
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The SHA-256 of each of the notebook's files that exists, by suffix. */
export function fileHashes(file: string): Map<string, string> {
  return new Map(
    COMPANIONS.filter((suffix) => fs.existsSync(file + suffix)).map((suffix) => [
      suffix,
      sha256(file + suffix),
    ]),
  );
}

/** Rows per notebook table, read from a copy of the notebook and its WAL (the original is left alone). */
export function tableCounts(file: string, scratch: string): Record<string, number> {
  fs.mkdirSync(scratch, { recursive: true });
  const copy = path.join(scratch, 'counted.db');
  for (const suffix of ['', '-wal']) {
    if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
  }
  const db = new Database(copy);
  try {
    return Object.fromEntries(
      notebookTables.map(({ name }) => [
        name,
        db.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number,
      ]),
    );
  } finally {
    db.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
