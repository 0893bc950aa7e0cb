/**
 * Every SQLite connection the core opens goes through here, so a process
 * whose runtime needs its own better-sqlite3 binding (Electron's main and
 * utility processes: another ABI than Node's) names it once at startup and
 * every connection uses it: the notebook's, backups' checks, restores,
 * recovery. Node (CLI, browser mode, tests) uses node_modules' own.
 */
import Database from 'better-sqlite3';

let processBinding: string | undefined;

/** Set once, before the first connection, by a process that runs on Electron. */
export function useSqliteBinding(nativeBinding: string | undefined): void {
  processBinding = nativeBinding;
}

export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, { nativeBinding: processBinding, ...options });
}
