/**
 * Reads what can still be read of one table of a damaged notebook: rows in
 * ranges of their leading integer key (the rowid, or the first column of a
 * link table's key), a failing range halved until the unreadable keys are
 * pinned down, so one damaged page costs only the rows on it.
 */
import type Database from 'better-sqlite3';
import type { TableSpec } from '../export/notebookFormat';
import { isSqliteDamage } from './sqliteDamage';

/** Keys per range read at once. */
const RANGE = 256;
/** Past the last row found, when the table's largest key cannot be read: ranges without a row before giving up. */
const EMPTY_RANGES_BEFORE_END = 64;

export interface SalvagedRows {
  rows: unknown[][];
  /** Key ranges [from, to] no row could be read from. */
  unreadable: Array<[number, number]>;
  /** Nothing could be read of the table at all (its schema or root page is gone). */
  lost: boolean;
}

/** The rows of `spec.name` in `columns` order; damage SQLite reports is skipped, anything else thrown. */
export function salvageTable(
  db: Database.Database,
  spec: TableSpec,
  columns: readonly string[],
): SalvagedRows {
  const select = `SELECT ${columns.map(quote).join(', ')} FROM ${quote(spec.name)}`;
  const [keyColumn] = spec.key;
  const integerKey = spec.columns.find((column) => column.name === keyColumn)?.type === 'integer';
  if (!integerKey || keyColumn === undefined) {
    // Small tables keyed by text (named colours): all of it, or nothing.
    const rows = attempt(() => db.prepare(select).raw().all() as unknown[][]);
    return { rows: rows ?? [], unreadable: [], lost: rows === undefined };
  }
  const key = quote(keyColumn);
  const bound = (sql: string) =>
    attempt(() =>
      db
        .prepare(`SELECT ${sql}(${key}) FROM ${quote(spec.name)}`)
        .pluck()
        .get(),
    );
  const low = bound('min');
  const high = bound('max');
  if (low === undefined && high === undefined) return { rows: [], unreadable: [], lost: true };
  if (low === null || high === null) return { rows: [], unreadable: [], lost: false };

  const range = db
    .prepare(
      `${select} WHERE ${key} >= ? AND ${key} < ? ORDER BY ${spec.key.map(quote).join(', ')}`,
    )
    .raw();
  const point = db.prepare(`${select} WHERE ${key} = ?`).raw();
  const result: SalvagedRows = { rows: [], unreadable: [], lost: false };
  const read = (from: number, to: number): number => {
    const rows = attempt(() => range.all(from, to) as unknown[][]);
    if (rows !== undefined) {
      result.rows.push(...rows);
      return rows.length;
    }
    if (to - from === 1) {
      // One key is looked up, never stepped past: the page after it may be the damaged one.
      const single = attempt(() => point.all(from) as unknown[][]);
      if (single !== undefined) {
        result.rows.push(...single);
        return single.length;
      }
      const last = result.unreadable.at(-1);
      if (last && last[1] === from - 1) last[1] = from;
      else result.unreadable.push([from, from]);
      return 0;
    }
    const middle = from + Math.floor((to - from) / 2);
    return read(from, middle) + read(middle, to);
  };
  const start = typeof low === 'number' ? low : 0;
  if (typeof high === 'number') {
    for (let from = start; from <= high; from += RANGE)
      read(from, Math.min(from + RANGE, high + 1));
  } else {
    for (let from = start, empty = 0; empty < EMPTY_RANGES_BEFORE_END; from += RANGE) {
      empty = read(from, from + RANGE) > 0 ? 0 : empty + 1;
    }
  }
  return result;
}

/** The value, or undefined where SQLite reports damage. */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (isSqliteDamage(error)) return undefined;
    throw error;
  }
}

export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
