import type { Block } from '../../shared/documentModel';
import type {
  RevisionReport,
  VersionOrigin,
  VersionReport,
  VersionSummary,
} from '../../shared/api';
import { DossierError } from '../../shared/errors';
import type { ReadableDB } from '../db/openDatabase';
import { idIn } from '../db/sql';

interface VersionRow {
  id: number;
  version_number: number;
  created_at: string;
  origin: VersionOrigin;
  file_name: string | null;
  /** SQLite's length(): characters (code points), like a source's charCount. */
  char_count: number;
}

const VERSION_SUMMARY_COLUMNS =
  'id, version_number, created_at, origin, file_name, length(text) AS char_count';
const SELECT_VERSION_SUMMARY = `SELECT ${VERSION_SUMMARY_COLUMNS} FROM source_versions`;

/** A source's versions, oldest first. */
export function listVersions(db: ReadableDB, sourceId: number): VersionSummary[] {
  const rows = db
    .prepare(`${SELECT_VERSION_SUMMARY} WHERE source_id = ? ORDER BY version_number`)
    .all(sourceId) as VersionRow[];
  return rows.map(toVersionSummary);
}

function toVersionSummary(row: VersionRow): VersionSummary {
  return {
    id: String(row.id),
    number: row.version_number,
    createdAt: row.created_at,
    origin: row.origin,
    fileName: row.file_name,
    charCount: row.char_count,
  };
}

export interface VersionText {
  id: number;
  number: number;
  text: string;
  blocks: Block[];
}

/**
 * One version of a source, by number; the current one when `versionNumber` is
 * absent. A missing source or version is `not_found`.
 */
export function readVersion(db: ReadableDB, sourceId: number, versionNumber?: number): VersionText {
  const row = (
    versionNumber === undefined
      ? db
          .prepare(
            `SELECT v.id, v.version_number, v.text, v.blocks_json FROM sources s
             JOIN source_versions v ON v.id = s.current_version_id WHERE s.id = ?`,
          )
          .get(sourceId)
      : db
          .prepare(
            `SELECT id, version_number, text, blocks_json FROM source_versions
             WHERE source_id = ? AND version_number = ?`,
          )
          .get(sourceId, versionNumber)
  ) as { id: number; version_number: number; text: string; blocks_json: string } | undefined;
  if (!row) throw versionNotFound(db, sourceId, versionNumber);
  return {
    id: row.id,
    number: row.version_number,
    text: row.text,
    blocks: JSON.parse(row.blocks_json) as Block[],
  };
}

/** The number of a source's current version; a missing source is `not_found`. */
export function currentVersionNumber(db: ReadableDB, sourceId: number): number {
  const number = db
    .prepare(
      `SELECT v.version_number FROM sources s JOIN source_versions v ON v.id = s.current_version_id
       WHERE s.id = ?`,
    )
    .pluck()
    .get(sourceId) as number | undefined;
  if (number === undefined) throw new DossierError('not_found', `No source with id ${sourceId}`);
  return number;
}

function versionNotFound(
  db: ReadableDB,
  sourceId: number,
  versionNumber: number | undefined,
): DossierError {
  const last = db
    .prepare('SELECT max(version_number) FROM source_versions WHERE source_id = ?')
    .pluck()
    .get(sourceId) as number | null;
  if (last === null || versionNumber === undefined) {
    return new DossierError('not_found', `No source with id ${sourceId}`);
  }
  const has = last === 1 ? 'only version 1' : `versions 1–${last}`;
  return new DossierError(
    'not_found',
    `Source ${sourceId} has no version ${versionNumber} (it has ${has}).`,
  );
}

/** The texts of these versions, by id: one query however many. */
export function readVersionTexts(
  db: ReadableDB,
  versionIds: readonly number[],
): Map<number, string> {
  if (versionIds.length === 0) return new Map();
  const ids = idIn('id', versionIds);
  const rows = db
    .prepare(`SELECT id, text FROM source_versions WHERE ${ids.sql}`)
    .all(...ids.params) as Array<{ id: number; text: string }>;
  return new Map(rows.map((row) => [row.id, row.text]));
}

/**
 * The report written when a version came in (the current version's by default).
 * A source's first version re-anchored nothing and has none: `not_found`.
 */
export function getRevisionReport(
  db: ReadableDB,
  sourceId: number,
  versionNumber?: number,
): VersionReport {
  const number = versionNumber ?? currentVersionNumber(db, sourceId);
  const row = db
    .prepare(
      `SELECT ${VERSION_SUMMARY_COLUMNS}, revision_report_json FROM source_versions
       WHERE source_id = ? AND version_number = ?`,
    )
    .get(sourceId, number) as (VersionRow & { revision_report_json: string | null }) | undefined;
  if (!row) throw versionNotFound(db, sourceId, number);
  if (row.revision_report_json === null) {
    throw new DossierError(
      'not_found',
      `Version ${number} of source ${sourceId} is its first: nothing was re-anchored, so it has no revision report.`,
    );
  }
  return {
    sourceId: String(sourceId),
    version: toVersionSummary(row),
    report: JSON.parse(row.revision_report_json) as RevisionReport,
  };
}
