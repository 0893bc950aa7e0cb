import type { CheckReport, OperationContext } from '../../shared/api';
import { quietOperation, stopIfCancelled, yieldToHost } from '../operations';
import { readSearchKeyVersion } from '../search/reindex';
import { originalProblem } from '../originals/originals';
import { SEARCH_KEY_VERSION } from '../search/searchKey';
import { contentHash } from '../versions/storeVersion';
import type { WritableDB } from './openDatabase';

const ftsTables = ['sources_fts', 'old_versions_fts', 'passages_fts', 'notes_fts'];

/**
 * Looks for damage SQLite can see (pages, foreign keys, FTS5 structure) and
 * damage only Dossier can see (a passage whose quote no longer matches the
 * text it was made on, a source without a current version, a version text or
 * an original file that no longer matches its SHA-256, a search index built
 * with other search keys than this Dossier's). Changes nothing.
 */
export async function checkDatabase(
  db: WritableDB,
  { signal, progress }: OperationContext = quietOperation,
): Promise<CheckReport> {
  const checks: Array<() => string[]> = [
    () => sqliteIntegrity(db),
    () => foreignKeys(db),
    ...ftsTables.map((table) => () => ftsIntegrity(db, table)),
    () => staleSearchIndex(db),
    () => passageQuotes(db),
    () => sourcesWithoutVersion(db),
    () => versionTexts(db),
    () => damagedOriginals(db),
  ];
  const problems: string[] = [];
  for (const [index, check] of checks.entries()) {
    // One check at a time, so a cancel is heard between them.
    stopIfCancelled(signal, 'The check was cancelled before it finished.');
    problems.push(...check());
    progress(index + 1, checks.length);
    await yieldToHost();
  }
  const count = (table: string) =>
    db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    ok: problems.length === 0,
    problems,
    counts: { sources: count('sources'), passages: count('passages'), notes: count('notes') },
  };
}

function sqliteIntegrity(db: WritableDB): string[] {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.map((row) => row.integrity_check).filter((message) => message !== 'ok');
}

function foreignKeys(db: WritableDB): string[] {
  const rows = db.pragma('foreign_key_check') as Array<{
    table: string;
    rowid: number;
    parent: string;
  }>;
  return rows.map((row) => `${row.table} row ${row.rowid} points at a missing ${row.parent} row`);
}

/** FTS5's own check; spelled as an INSERT, it reads the index and writes nothing. */
function ftsIntegrity(db: WritableDB, table: string): string[] {
  try {
    db.prepare(`INSERT INTO ${table}(${table}) VALUES ('integrity-check')`).run();
    return [];
  } catch (error) {
    return [`search index ${table}: ${(error as Error).message}`];
  }
}

function staleSearchIndex(db: WritableDB): string[] {
  const built = readSearchKeyVersion(db);
  if (built === SEARCH_KEY_VERSION) return [];
  const rebuild = 'run `dossier reindex`';
  if (built === null) return [`a rebuild of the search index did not finish: ${rebuild}`];
  return [
    `the search index was built with search keys version ${built}; this Dossier uses ${SEARCH_KEY_VERSION}: ${rebuild}`,
  ];
}

function passageQuotes(db: WritableDB): string[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.exact, p.start_utf16 AS start, p.end_utf16 AS "end", v.text
       FROM passages p JOIN source_versions v ON v.id = p.version_id`,
    )
    .all() as Array<{ id: number; exact: string; start: number; end: number; text: string }>;
  return rows
    .filter((row) => row.text.slice(row.start, row.end) !== row.exact)
    .map((row) => `passage ${row.id} no longer matches the text it was made on`);
}

function sourcesWithoutVersion(db: WritableDB): string[] {
  const ids = db
    .prepare('SELECT id FROM sources WHERE current_version_id IS NULL')
    .pluck()
    .all() as number[];
  return ids.map((id) => `source ${id} has no current version`);
}

/** Every version's text against the hash it was stored with, one row at a time. */
function versionTexts(db: WritableDB): string[] {
  const problems: string[] = [];
  const rows = db
    .prepare('SELECT id, source_id, text, content_sha256 FROM source_versions')
    .iterate();
  for (const row of rows as Iterable<{
    id: number;
    source_id: number;
    text: string;
    content_sha256: string;
  }>) {
    if (contentHash(row.text) !== row.content_sha256) {
      problems.push(
        `source ${row.source_id}: the text of version row ${row.id} does not match its SHA-256`,
      );
    }
  }
  return problems;
}

/** Every kept original, inflated and hashed: evidence must be byte for byte what came in. */
function damagedOriginals(db: WritableDB): string[] {
  const ids = db.prepare('SELECT id FROM originals').pluck().all() as number[];
  return ids.flatMap((id) => {
    const problem = originalProblem(db, id);
    return problem === null ? [] : [`original file ${id}: ${problem}`];
  });
}
