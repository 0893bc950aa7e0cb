/** One numbered, append-only schema step. Never edit a migration once it has shipped. */
export interface Migration {
  /** Becomes `PRAGMA user_version` once applied. */
  version: number;
  name: string;
  sql: string;
}
