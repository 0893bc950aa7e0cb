import type { CheckReport, OperationContext } from '../../shared/api';
import { quietOperation, stopIfCancelled, yieldToHost } from '../operations';
import { readSearchKeyVersion } from '../search/reindex';
import { originalProblem } from '../originals/originals';
import { SEARCH_KEY_VERSION } from '../search/searchKey';
import { codePointCount, contentHash } from '../versions/storeVersion';
import {
  decodeText,
  readVersionTexts,
  STORED_TEXT_COLUMNS,
  STORED_TEXT_JOIN,
  type StoredTextRow,
} from '../versions/versionQueries';
import { unpackBlocks } from '../versions/versionStorage';
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
  if (built === null) {
    // Migration 010 leaves an upgraded notebook so until the app, `serve` or a search rebuilds it.
    return [
      `the search index waits to be rebuilt (after an upgrade, or a rebuild that stopped): ${rebuild}, or open the notebook in Dossier`,
    ];
  }
  return [
    `the search index was built with search keys version ${built}; this Dossier uses ${SEARCH_KEY_VERSION}: ${rebuild}`,
  ];
}

function passageQuotes(db: WritableDB): string[] {
  // Grouped by version, so each text is decoded once however many passages it holds.
  const rows = db
    .prepare(
      `SELECT p.id, p.exact, p.start_utf16 AS start, p.end_utf16 AS "end", p.version_id
       FROM passages p ORDER BY p.version_id, p.id`,
    )
    .all() as Array<{ id: number; exact: string; start: number; end: number; version_id: number }>;
  const problems: string[] = [];
  let versionId: number | null = null;
  let text: string | null = null;
  for (const row of rows) {
    if (row.version_id !== versionId) {
      versionId = row.version_id;
      text = readableText(db, row.version_id);
    }
    // An unreadable text is reported once, by versionTexts.
    if (text !== null && text.slice(row.start, row.end) !== row.exact) {
      problems.push(`passage ${row.id} no longer matches the text it was made on`);
    }
  }
  return problems;
}

function sourcesWithoutVersion(db: WritableDB): string[] {
  const ids = db
    .prepare('SELECT id FROM sources WHERE current_version_id IS NULL')
    .pluck()
    .all() as number[];
  return ids.map((id) => `source ${id} has no current version`);
}

/** A version's text, or null when it cannot be decoded. */
function readableText(db: WritableDB, versionId: number): string | null {
  try {
    return readVersionTexts(db, [versionId]).get(versionId) ?? null;
  } catch {
    return null;
  }
}

/** Every version's text against the hash it was stored with, one row at a time. */
function versionTexts(db: WritableDB): string[] {
  const problems: string[] = [];
  const rows = db
    .prepare(
      `SELECT ${STORED_TEXT_COLUMNS}, v.source_id, v.content_sha256, v.blocks_data
       FROM source_versions v ${STORED_TEXT_JOIN}`,
    )
    .iterate();
  for (const row of rows as Iterable<
    StoredTextRow & {
      source_id: number;
      content_sha256: string;
      blocks_data: Buffer;
    }
  >) {
    const where = `source ${row.source_id}: version row ${row.version_id}`;
    let text: string;
    try {
      text = decodeText(row);
      unpackBlocks(row.blocks_data, text);
    } catch {
      problems.push(`${where}: its stored text or blocks cannot be decompressed`);
      continue;
    }
    if (contentHash(text) !== row.content_sha256) {
      problems.push(`${where}: the text does not match its SHA-256`);
    } else if (codePointCount(text) !== row.text_length) {
      problems.push(`${where}: the stored length of the text is wrong`);
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
