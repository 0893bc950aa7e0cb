import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type ReadableDB } from '../../src/core/db/openDatabase';
import { searchAll } from '../../src/core/search/search';
import { recordStatementRuns, type StatementRun } from './support/statementRuns';
import { useTempCore } from './support/tempCore';

const notebook = useTempCore();
/** A second connection to the core's notebook, whose statements the tests watch. */
let db: ReadableDB;
beforeEach(() => {
  db = openDatabase(path.join(notebook.dir, 'dossier.db'));
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** A source with `count` passages, each quoted by a note of its own. */
async function addQuotedPassages(count: number): Promise<void> {
  const lines = Array.from({ length: count }, (_, i) => `The harbour froze on day ${i}.`);
  const { sourceId } = await notebook.core.importText({
    title: 'Harbour log',
    text: lines.join('\n\n'),
  });
  for (const line of lines) {
    const { passageId } = notebook.core.markPassage({ sourceId: sourceId!, quote: line });
    notebook.core.createNote({ title: 'On the ice', passageIds: [passageId] });
  }
}

/** The statements run on the test's connection, with the parameters of each run. */
const recordStatements = () => recordStatementRuns(db);

/** The steps of SQLite's plan for a statement, e.g. `SEARCH p USING INTEGER PRIMARY KEY (rowid=?)`. */
function planOf({ sql, params }: StatementRun): string[] {
  const steps = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{
    detail: string;
  }>;
  return steps.map((step) => step.detail);
}

/** The steps reading a whole table or index: a SCAN, but not an FTS or json_each lookup or a subquery's rows. */
const fullScans = (plan: string[]) =>
  plan.filter((step) => /^SCAN (?!.* VIRTUAL TABLE INDEX|\()/.test(step));

describe('search statements', () => {
  it('reads what N hits show with one statement per kind, however large N is', async () => {
    const statementsFor = (query: string, hitCount: number) => {
      const statements = recordStatements();
      expect(searchAll(db, query, 100)).toHaveLength(hitCount);
      vi.restoreAllMocks();
      return statements.length;
    };
    await addQuotedPassages(2);
    // One statement ranks the passages in FTS5, one joins the best to their rows,
    // one reads their texts and backlinks.
    expect(statementsFor('harbour type:passage', 2)).toBe(3);
    await addQuotedPassages(28);
    expect(statementsFor('harbour type:passage', 30)).toBe(3);
    // The same for sources and notes: two sources, 30 passages, 30 notes.
    expect(statementsFor('harbour', 62)).toBe(9);
  });

  it('ranks once when a tie at the limit ends within four times the limit, and again when not', async () => {
    // Texts of one length with the word once: one bm25 for all six.
    for (let day = 0; day < 6; day++) {
      await notebook.core.importText({ title: 'Log', text: `The harbour froze on day ${day}.` });
    }
    const rankings = (limit: number) => {
      const statements = recordStatements();
      expect(searchAll(db, 'harbour type:source', limit)).toHaveLength(limit);
      vi.restoreAllMocks();
      return statements
        .filter((statement) => statement.sql.includes('MATCH'))
        .map((statement) => statement.params.at(-1));
    };
    expect(rankings(2)).toEqual([8]);
    expect(rankings(1)).toEqual([4, 16]);
  });

  it('finds rows through the FTS index and reads the shown rows by primary key', async () => {
    await addQuotedPassages(3);
    const statements = recordStatements();
    searchAll(db, 'harbour', 100);
    const [finds, reads] = [
      statements.filter((statement) => statement.sql.includes('MATCH')),
      statements.filter((statement) => statement.sql.includes('json_each')),
    ];
    expect(finds).toHaveLength(3);
    // Per kind, the best matches joined to their rows, then what their hits show.
    expect(reads).toHaveLength(6);

    for (const statement of finds) {
      const plan = planOf(statement);
      expect(plan, statement.sql).toContainEqual(
        expect.stringMatching(/^SCAN \w+_fts VIRTUAL TABLE INDEX \d+:M/),
      );
      expect(fullScans(plan), statement.sql).toEqual([]);
    }
    for (const statement of reads) {
      const plan = planOf(statement);
      expect(plan, statement.sql).toContainEqual(
        expect.stringMatching(/^SEARCH [snpv] USING INTEGER PRIMARY KEY \(rowid=\?\)/),
      );
      expect(fullScans(plan), statement.sql).toEqual([]);
    }
  });

  it('with version:all, finds sources in both FTS indexes in one statement', async () => {
    const { sourceId } = await notebook.core.importText({
      title: 'Ice',
      text: 'The harbour froze.',
    });
    await notebook.core.importText({ revisionOf: sourceId, text: 'The harbour thawed.' });
    const statements = recordStatements();
    expect(searchAll(db, 'froze version:all', 100)).toEqual([
      expect.objectContaining({ id: sourceId, versionNumber: 1 }),
    ]);
    const finds = statements.filter((statement) => statement.sql.includes('MATCH'));
    expect(finds).toHaveLength(3);
    const [sourceFind] = finds.filter((statement) => statement.sql.includes('old_versions_fts'));
    const plan = planOf(sourceFind!);
    for (const fts of ['sources_fts', 'old_versions_fts']) {
      expect(plan, sourceFind!.sql).toContainEqual(
        expect.stringMatching(new RegExp(`^SCAN ${fts} VIRTUAL TABLE INDEX \\d+:M`)),
      );
    }
    expect(fullScans(plan), sourceFind!.sql).toEqual([]);
  });
});
