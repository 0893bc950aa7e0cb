/**
 * One consistent state of the notebook for long reading work that yields
 * between steps (an export): a read transaction held from the first step to
 * the last, so that what another connection commits meanwhile is either all
 * seen or not at all — never a passage without its source. Other queries on
 * the same connection see that state too until the work ends.
 */
import type { ReadableDB } from '../db/openDatabase';

/** How many snapshot holders each connection has; the last one out ends the transaction. */
const holders = new WeakMap<ReadableDB, number>();

export async function inReadSnapshot<T>(db: ReadableDB, work: () => Promise<T>): Promise<T> {
  const count = holders.get(db) ?? 0;
  // Inside someone else's transaction, that transaction already holds the state.
  const owns = count > 0 || !db.inTransaction;
  if (owns) {
    if (count === 0) {
      db.exec('BEGIN');
      // A deferred transaction takes its snapshot at its first read.
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    }
    holders.set(db, count + 1);
  }
  try {
    return await work();
  } finally {
    if (owns) {
      const left = (holders.get(db) ?? 1) - 1;
      holders.set(db, left);
      if (left === 0 && db.inTransaction) db.exec('COMMIT');
    }
  }
}
