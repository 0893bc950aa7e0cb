/**
 * SQLite's plans for the statements every search runs: FTS5 finds and ranks the
 * matches through its index, only its best are joined to their rows, by primary
 * key, and the texts shown are read by primary key. No statement reads a whole
 * table, so a search costs the same in a notebook ten times larger but for FTS5.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type ReadableDB } from '../../src/core/db/openDatabase';
import { searchAll } from '../../src/core/search/search';
import { recordStatementRuns } from './support/statementRuns';
import { useTempCore } from './support/tempCore';

const notebook = useTempCore();
let db: ReadableDB;
beforeEach(async () => {
  const { sourceId } = await notebook.core.importText({
    title: 'Harbour log',
    text: 'The harbour froze.\n\nThe harbour thawed.',
  });
  const { passageId } = notebook.core.markPassage({
    sourceId: sourceId!,
    quote: 'The harbour froze.',
  });
  notebook.core.createNote({ title: 'Harbour notes', passageIds: [passageId] });
  // A connection of its own, whose statements the tests record.
  db = openDatabase(path.join(notebook.dir, 'dossier.db'));
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

interface Step {
  id: number;
  parent: number;
  detail: string;
}

/** The plan of each statement `search` runs on `db`, with the parameters it ran with. */
function plansOf(search: () => unknown): Array<{ sql: string; plan: Step[] }> {
  const runs = recordStatementRuns(db);
  search();
  vi.restoreAllMocks();
  return runs.map(({ sql, params }) => ({
    sql,
    plan: db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Step[],
  }));
}

/** Steps reading a whole table or index (a subquery's rows or an FTS5 index lookup is no such read). */
const fullScans = (plan: Step[]) =>
  plan
    .map((step) => step.detail)
    .filter((detail) => /^SCAN (?!.* VIRTUAL TABLE INDEX|\()/.test(detail));

describe('search query plans', () => {
  it('ranks in FTS5 alone, then joins only the best matches to their rows by primary key', () => {
    const plans = plansOf(() => searchAll(db, 'harbour', 60));
    const rankings = plans.filter(({ sql }) => sql.includes('MATCH'));
    expect(rankings.map(({ sql }) => sql.match(/\w+_fts/)?.[0]).sort()).toEqual([
      'notes_fts',
      'passages_fts',
      'sources_fts',
    ]);
    for (const { sql, plan } of rankings) {
      // FTS5's matches are ranked and cut to the window, read from its index alone...
      expect(plan.map((step) => step.detail).sort(), sql).toEqual([
        expect.stringMatching(/^SCAN \w+_fts VIRTUAL TABLE INDEX \d+:M/),
        'USE TEMP B-TREE FOR ORDER BY',
      ]);
      expect(sql).toMatch(/MATCH \? ORDER BY relevance DESC LIMIT \?$/);
    }
    // ...then the best are joined to their rows by primary key, one statement per kind.
    const joins = plans.filter(({ sql }) => sql.includes('AS shown'));
    expect(joins).toHaveLength(3);
    for (const { sql, plan } of joins) {
      expect(
        plan.map((step) => step.detail),
        sql,
      ).toContainEqual(
        expect.stringMatching(/^SEARCH [snp] USING INTEGER PRIMARY KEY \(rowid=\?\)$/),
      );
      expect(fullScans(plan), sql).toEqual([]);
    }
  });

  it('reads the texts of the hits shown by primary key', () => {
    const reads = plansOf(() => searchAll(db, 'harbour', 60)).filter(
      ({ sql }) => !sql.includes('MATCH') && !sql.includes('AS shown'),
    );
    expect(reads.length).toBeGreaterThan(0);
    for (const { sql, plan } of reads) {
      expect(
        plan.map((step) => step.detail),
        sql,
      ).toContainEqual(
        expect.stringMatching(/^SEARCH \w+ USING INTEGER PRIMARY KEY \(rowid=\?\)$/),
      );
      expect(fullScans(plan), sql).toEqual([]);
    }
    expect(reads.some(({ sql }) => sql.includes('source_versions'))).toBe(true);
  });

  it('keeps to the indexes with filters, exclusions and older versions too', () => {
    for (const query of [
      'harbour after:1900',
      'harbour -thawed',
      'harbour version:all',
      'harbour type:note',
    ]) {
      const finds = plansOf(() => searchAll(db, query, 60)).filter(({ sql }) =>
        sql.includes('MATCH'),
      );
      expect(finds.length, query).toBeGreaterThan(0);
      for (const { sql, plan } of finds) {
        expect(
          plan.map((step) => step.detail),
          `${query}: ${sql}`,
        ).toContainEqual(expect.stringMatching(/^SCAN \w+_fts VIRTUAL TABLE INDEX \d+:M/));
        expect(fullScans(plan), `${query}: ${sql}`).toEqual([]);
      }
    }
  });
});
