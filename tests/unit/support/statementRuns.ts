import type Database from 'better-sqlite3';
import { vi } from 'vitest';

export interface StatementRun {
  sql: string;
  params: unknown[];
}

/**
 * Records every statement run on `db` (by `all` or `get`) with its parameters,
 * until `vi.restoreAllMocks()`. Runs, not preparations: statements reused from
 * a cache (statementCache.ts) are prepared only once per connection.
 */
export function recordStatementRuns(db: Database.Database): StatementRun[] {
  const runs: StatementRun[] = [];
  const prototype = Object.getPrototypeOf(db.prepare('SELECT 1')) as Database.Statement;
  for (const method of ['all', 'get'] as const) {
    const run = prototype[method] as (...params: unknown[]) => unknown;
    vi.spyOn(prototype, method).mockImplementation(function (
      this: Database.Statement,
      ...params: unknown[]
    ) {
      if (this.database === db) runs.push({ sql: this.source, params });
      return run.apply(this, params);
    });
  }
  return runs;
}
