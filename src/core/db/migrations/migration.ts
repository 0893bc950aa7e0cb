import type Database from 'better-sqlite3';

/**
 * One numbered, append-only schema step. Never edit a migration once it has
 * shipped: notebooks out there were built by it as it was.
 */
export interface Migration {
  /** Becomes `PRAGMA user_version` once applied. */
  version: number;
  name: string;
  /** Runs inside the transaction that also bumps `user_version`. */
  up(db: Database.Database): void;
  /** Frees much of the file: once every pending step is applied, a VACUUM gives the space back. */
  vacuumAfter?: boolean;
}

/**
 * Returns `list` if its versions are exactly 1, 2, 3, … in order, and throws
 * otherwise: the runner reads "n migrations applied" from `user_version`, so a
 * gap, a duplicate or a swap would skip or repeat a step on real notebooks.
 */
export function checkMigrationOrder<T extends readonly Migration[]>(list: T): T {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration ${migration.version} (${migration.name}) is in position ${index + 1}; ` +
          'migrations must be numbered 1, 2, 3, … in the order they run.',
      );
    }
  });
  return list;
}
