/**
 * Keeps the FTS5 tables in step with sources (their current versions in
 * sources_fts, the older ones in old_versions_fts), passages and notes. The tables are
 * contentless (they store the index only) and each row's rowid is the id of the
 * row it indexes. What they index is the search key of the text, never the text.
 * Callers run these inside the transaction that changes the indexed row.
 */
import type { WritableDB } from '../db/openDatabase';
import { cachedStatement } from '../db/statementCache';
import {
  decodeText,
  STORED_TEXT_COLUMNS,
  STORED_TEXT_JOIN,
  type StoredTextRow,
} from '../versions/versionQueries';
import { searchKey } from './searchKey';

/** What a source is indexed under: the search keys of its title and current text. */
export interface SourceKeys {
  title: string;
  text: string;
}

/** Folds a source's title and text into keys; no database needed, so it is done before the write lock is taken. */
export function sourceKeys(title: string, text: string): SourceKeys {
  return { title: searchKey(title), text: searchKey(text) };
}

/** Indexes (or re-indexes) a source under the keys of its title and current text. */
export function indexSource(db: WritableDB, sourceId: number, keys: SourceKeys): void {
  cachedStatement(
    db,
    'INSERT OR REPLACE INTO sources_fts (rowid, title, body) VALUES (?, ?, ?)',
  ).run(sourceId, keys.title, keys.text);
}

/**
 * Indexes a source's current version as an older one (old_versions_fts, rowid =
 * the version's id, searched with `version:all`). Call it just before another
 * version becomes current, in the same transaction.
 */
export function indexCurrentVersionAsOld(db: WritableDB, sourceId: number): void {
  const current = db
    .prepare(
      `SELECT s.title, ${STORED_TEXT_COLUMNS}
       FROM sources s JOIN source_versions v ON v.id = s.current_version_id ${STORED_TEXT_JOIN}
       WHERE s.id = ?`,
    )
    .get(sourceId) as (StoredTextRow & { title: string }) | undefined;
  if (current) indexOldVersion(db, current.version_id, current.title, decodeText(current));
}

function indexOldVersion(db: WritableDB, versionId: number, title: string, text: string): void {
  db.prepare('INSERT OR REPLACE INTO old_versions_fts (rowid, title, body) VALUES (?, ?, ?)').run(
    versionId,
    searchKey(title),
    searchKey(text),
  );
}

/**
 * Re-indexes every version of a source under the source's title as it is now
 * (after a rename), so that neither `version:all` nor the current text is found
 * by the old title.
 */
export function reindexSourceTitle(db: WritableDB, sourceId: number): void {
  const versions = db
    .prepare(
      `SELECT ${STORED_TEXT_COLUMNS}, s.title, v.id = s.current_version_id AS current
       FROM source_versions v JOIN sources s ON s.id = v.source_id ${STORED_TEXT_JOIN}
       WHERE s.id = ?`,
    )
    .all(sourceId) as Array<StoredTextRow & { title: string; current: 0 | 1 }>;
  for (const version of versions) {
    const text = decodeText(version);
    if (version.current) indexSource(db, sourceId, sourceKeys(version.title, text));
    else indexOldVersion(db, version.version_id, version.title, text);
  }
}

/** Indexes a passage under its quote and the analyst's comment on it. */
export function indexPassage(
  db: WritableDB,
  passageId: number,
  exact: string,
  comment: string | null,
): void {
  db.prepare('INSERT OR REPLACE INTO passages_fts (rowid, exact, comment) VALUES (?, ?, ?)').run(
    passageId,
    searchKey(exact),
    searchKey(comment ?? ''),
  );
}

export function unindexPassage(db: WritableDB, passageId: number): void {
  db.prepare('DELETE FROM passages_fts WHERE rowid = ?').run(passageId);
}

export function indexNote(db: WritableDB, noteId: number, title: string, plainText: string): void {
  db.prepare('INSERT OR REPLACE INTO notes_fts (rowid, title, body) VALUES (?, ?, ?)').run(
    noteId,
    searchKey(title),
    searchKey(plainText),
  );
}

/** Takes a note out of search (when it goes to the trash). */
export function unindexNote(db: WritableDB, noteId: number): void {
  db.prepare('DELETE FROM notes_fts WHERE rowid = ?').run(noteId);
}
