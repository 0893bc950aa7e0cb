/** A piece of SQL and the values of its `?` parameters, in order. */
export interface SqlCondition {
  sql: string;
  params: Array<string | number>;
}

/**
 * `column` is one of `ids`: a batched read (one query for all the rows shown, not
 * one per row). The ids go as a single JSON array parameter, so the statement's
 * text is the same however many there are, and SQLite looks each up by the index
 * on `column`.
 */
export function idIn(column: string, ids: readonly number[]): SqlCondition {
  return { sql: `${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] };
}
