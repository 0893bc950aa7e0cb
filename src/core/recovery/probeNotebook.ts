/**
 * Reads what opening a notebook relies on — its schema, and the first and
 * last rows of every table (each table's root and edge pages) — through a
 * connection that cannot write, so a damaged file is judged before anything
 * could change it. A few page reads per table: no full integrity check on
 * every open (issue 12's cold-open budget).
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { openSqlite } from '../db/sqliteConnection';
import { isSqliteDamage } from './sqliteDamage';

const COMPANIONS = ['-wal', '-shm'];

/** What SQLite reports as damaged in the notebook; null when the probe read everything it tried. */
export function probeNotebook(file: string): string | null {
  // A reading connection may create these; they are removed again if the file turns out damaged.
  const absentBefore = COMPANIONS.map((suffix) => file + suffix).filter((f) => !fs.existsSync(f));
  // Reading a WAL rebuilds its index in -shm: put back as it was if the notebook is to be moved aside.
  const shm = `${file}-shm`;
  const shmBefore = fs.existsSync(shm) ? fs.readFileSync(shm) : null;
  let db: Database.Database | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    readEdges(db);
    return null;
  } catch (error) {
    if (!isSqliteDamage(error)) throw error;
    db?.close();
    db = undefined;
    for (const created of absentBefore) fs.rmSync(created, { force: true });
    if (shmBefore !== null) fs.writeFileSync(shm, shmBefore);
    return (error as Error).message;
  } finally {
    db?.close();
  }
}

function readEdges(db: Database.Database): void {
  db.pragma('user_version');
  const tables = db
    .prepare(
      "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'shadow') AND name NOT LIKE 'sqlite_%'",
    )
    .all() as Array<{ name: string; wr: number }>;
  for (const { name, wr } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    if (wr === 1) {
      db.prepare(`SELECT * FROM ${quoted} LIMIT 1`).all();
      continue;
    }
    // Rowids only: a first row may carry megabytes (an original file) that need not be read.
    for (const order of ['ASC', 'DESC']) {
      db.prepare(`SELECT rowid FROM ${quoted} ORDER BY rowid ${order} LIMIT 1`).all();
    }
  }
}
