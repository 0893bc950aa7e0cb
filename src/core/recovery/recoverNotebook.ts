/**
 * `dossier recover FILE --out NEW`: what can still be read of a damaged
 * notebook, salvaged into a new one. FILE is never written: a copy of it (and
 * of its `-wal`) is read, its header rebuilt first when the header is gone.
 * NEW is a fresh notebook at the latest schema; the notebook's tables are
 * copied in the export's order with their ids, rows that point at lost rows
 * are dropped (or lose only that pointer where it may be empty), then the
 * search index is rebuilt and NEW is checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../db/sqliteConnection';
import type { CheckReport } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import { checkDatabase } from '../db/checkDatabase';
import { openDatabase, type WritableDB } from '../db/openDatabase';
import { notebookTables, tableColumns, type TableSpec } from '../export/notebookFormat';
import { rebuildSearchIndex } from '../search/reindex';
import { repairCopiedHeader } from './repairHeader';
import { quote, salvageTable } from './salvageTable';
import { isSqliteDamage } from './sqliteDamage';

export interface TableRecovery {
  table: string;
  /** Rows copied into the new notebook. */
  salvaged: number;
  /** Rows read but left out: they pointed at rows that were lost, or did not fit the schema. */
  dropped: number;
  /** Key ranges [from, to] of the table nothing could be read from. */
  unreadable: Array<[number, number]>;
  /** The table could not be read at all. */
  lost: boolean;
}

export interface RecoveryReport {
  file: string;
  out: string;
  tables: TableRecovery[];
  /** Pages SQLite's integrity check found damaged in the file; null when the check could not run through. */
  damagedPages: number[] | null;
  check: CheckReport;
}

export async function recoverNotebook(file: string, out: string): Promise<RecoveryReport> {
  const source = path.resolve(file);
  const target = path.resolve(out);
  if (!fs.existsSync(source)) throw new DossierError('not_found', `No file ${source}.`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(target + suffix)) {
      throw new DossierError(
        'already_exists',
        `${target + suffix} already exists; recover into a new file.`,
      );
    }
  }
  const work = fs.mkdtempSync(`${target}.recovering-`);
  try {
    const copy = copyNotebook(source, work);
    const damaged = openCopy(copy, source);
    try {
      const damagedPages = damagedPagesOf(damaged);
      const db = openDatabase(target);
      try {
        const tables = copyTables(damaged, db);
        await rebuildSearchIndex(db);
        return { file: source, out: target, tables, damagedPages, check: await checkDatabase(db) };
      } finally {
        db.close();
      }
    } finally {
      damaged.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function copyNotebook(source: string, work: string): string {
  const copy = path.join(work, 'damaged.db');
  fs.copyFileSync(source, copy);
  if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${copy}-wal`);
  repairCopiedHeader(copy);
  return copy;
}

function openCopy(copy: string, source: string): Database.Database {
  try {
    const db = openSqlite(copy, { fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (error) {
    if (!isSqliteDamage(error)) throw error;
    throw new DossierError(
      'damaged',
      `Nothing could be read from ${source}: ${(error as Error).message}. Restore a backup instead.`,
    );
  }
}

/** The page numbers SQLite's integrity check names (it reads every page once). */
function damagedPagesOf(db: Database.Database): number[] | null {
  let messages: string[];
  try {
    const rows = db.pragma('integrity_check(1000)') as Array<{ integrity_check: string }>;
    messages = rows.map((row) => row.integrity_check);
  } catch (error) {
    if (isSqliteDamage(error)) return null;
    throw error;
  }
  const pages = new Set<number>();
  for (const message of messages) {
    for (const match of message.matchAll(/[Pp]age (\d+)/g)) pages.add(Number(match[1]));
  }
  return [...pages].sort((a, b) => a - b);
}

function copyTables(damaged: Database.Database, db: WritableDB): TableRecovery[] {
  // Rows are checked against each other once all are in (a source's current version comes later).
  db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(() => {
      const reports = notebookTables.map((spec) => copyTable(damaged, db, spec));
      const dropped = dropDanglingRows(db);
      for (const report of reports) report.dropped += dropped.get(report.table) ?? 0;
      for (const report of reports) report.salvaged -= dropped.get(report.table) ?? 0;
      return reports;
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function copyTable(damaged: Database.Database, db: WritableDB, spec: TableSpec): TableRecovery {
  const report: TableRecovery = {
    table: spec.name,
    salvaged: 0,
    dropped: 0,
    unreadable: [],
    lost: false,
  };
  let present: Set<string>;
  try {
    const info = damaged.pragma(`table_info(${quote(spec.name)})`) as Array<{ name: string }>;
    present = new Set(info.map((column) => column.name));
  } catch (error) {
    if (!isSqliteDamage(error)) throw error;
    return { ...report, lost: true };
  }
  // A notebook from before a table's storage changed holds the file's columns, converted as an import does.
  const storage = spec.storage?.tableOnly.every((name) => present.has(name))
    ? undefined
    : spec.storage;
  const wanted = storage ? spec.columns.map(({ name }) => name) : tableColumns(spec);
  // An older notebook lacks the newer columns: they take their defaults.
  const columns = wanted.filter((name) => present.has(name));
  if (columns.length === 0) return { ...report, lost: present.size === 0 };
  const salvage = salvageTable(damaged, spec, columns);
  const stored = storage ? tableColumns(spec) : columns;
  const insert = db.prepare(
    `INSERT INTO ${quote(spec.name)} (${stored.map(quote).join(', ')}) VALUES (${stored.map((name) => `@${name}`).join(', ')})`,
  );
  for (const values of salvage.rows) {
    const row = Object.fromEntries(columns.map((name, index) => [name, values[index]]));
    try {
      insert.run(storage ? storage.toTable(db, row) : row);
      report.salvaged++;
    } catch {
      // A row a damaged page garbled so that it no longer fits the schema (a duplicate key, a wrong type).
      report.dropped++;
    }
  }
  return { ...report, unreadable: salvage.unreadable, lost: salvage.lost };
}

/**
 * Rows that point at rows lost to the damage: a source's current version
 * becomes its newest salvaged one; a pointer that may be empty is emptied;
 * otherwise the row goes, which may leave others dangling, until none does.
 * Returns the rows removed per table.
 */
function dropDanglingRows(db: WritableDB): Map<string, number> {
  db.prepare(
    `UPDATE sources SET current_version_id =
       (SELECT max(v.id) FROM source_versions v WHERE v.source_id = sources.id)
     WHERE current_version_id IS NULL
        OR current_version_id NOT IN (SELECT id FROM source_versions WHERE source_id = sources.id)`,
  ).run();
  const removed = new Map<string, number>();
  const count = (table: string, changes: number) =>
    removed.set(table, (removed.get(table) ?? 0) + changes);
  count(
    'sources',
    db.prepare('DELETE FROM sources WHERE current_version_id IS NULL').run().changes,
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const spec of notebookTables) {
      for (const column of spec.columns) {
        if (column.references === undefined) continue;
        const dangling = `${quote(column.name)} IS NOT NULL AND ${quote(column.name)} NOT IN (SELECT id FROM ${quote(column.references)})`;
        if (column.nullable) {
          db.prepare(
            `UPDATE ${quote(spec.name)} SET ${quote(column.name)} = NULL WHERE ${dangling}`,
          ).run();
          continue;
        }
        const { changes } = db.prepare(`DELETE FROM ${quote(spec.name)} WHERE ${dangling}`).run();
        if (changes > 0) {
          count(spec.name, changes);
          changed = true;
        }
      }
    }
  }
  return removed;
}
