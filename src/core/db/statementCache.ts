import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A statement prepared once per connection and reused: for the statements run
 * once per document of a bulk import or on every search, where preparing anew
 * each time shows in the profile. Only for statements used as they are (no pluck, raw or expand
 * mode set on them) and never iterated, so any caller may reuse one.
 */
export function cachedStatement(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
