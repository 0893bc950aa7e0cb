/**
 * The baseline: plain FTS5 (one table, unicode61 with remove_diacritics 2) over
 * the same text, in this process through better-sqlite3, with SQLite's own
 * bm25() and snippet().
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { SEARCH_PANEL_REQUEST } from '../../src/shared/searchPanel';
import { documentAt, FILES_PER_FOLDER, type Piece } from './corpus';

/** As many results as the search panel asks Dossier for. */
export const RESULT_LIMIT = SEARCH_PANEL_REQUEST.limit;

export class PlainFts {
  readonly db: Database.Database;
  private readonly query: Database.Statement;

  constructor(readonly file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')`,
    );
    this.query = this.db.prepare(plainQuerySql);
  }

  /** Inserts documents 0..count-1 (rowid = index + 1), one transaction per FILES_PER_FOLDER. */
  insert(pieces: readonly Piece[], count: number): void {
    const insert = this.db.prepare('INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)');
    const batch = this.db.transaction((from: number, to: number) => {
      for (let index = from; index < to; index++) {
        const document = documentAt(pieces, index);
        insert.run(index + 1, document.title, document.body);
      }
    });
    for (let from = 0; from < count; from += FILES_PER_FOLDER) {
      batch(from, Math.min(count, from + FILES_PER_FOLDER));
    }
  }

  /** The rowids of the best RESULT_LIMIT matches, with snippets cut; none when FTS5 rejects the query. */
  search(match: string): number[] {
    try {
      return (this.query.all(match) as Array<{ rowid: number }>).map((row) => row.rowid);
    } catch {
      return [];
    }
  }

  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.db.close();
  }
}

const plainQuerySql = `SELECT rowid, bm25(docs) AS rank, snippet(docs, 1, '[', ']', '…', 12) AS snippet
  FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ${RESULT_LIMIT}`;

/** A fresh Node process opening the baseline file and answering one query: its cold start, in ms. */
export function plainColdQuery(file: string, match: string, cwd: string): Promise<number> {
  const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]);
    db.prepare(process.argv[2]).all(process.argv[3]);`;
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, file, plainQuerySql, match], {
      cwd,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(Number(process.hrtime.bigint() - start) / 1e6)
        : reject(new Error(`the baseline's cold query exited with ${code}`)),
    );
  });
}
