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
import { cachedStatement } from '../db/statementCache';
import { storedOriginalBytes } from '../originals/originals';
import { unpackBlocks, unpackText, type TextEncoding } from './versionStorage';

interface VersionRow {
  id: number;
  version_number: number;
  created_at: string;
  origin: VersionOrigin;
  file_name: string | null;
  /** Characters (code points) of the text, like a source's charCount. */
  char_count: number;
}

const VERSION_SUMMARY_COLUMNS =
  'id, version_number, created_at, origin, file_name, text_length AS char_count';
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
 * What a query selects so that `decodeText` can read a version's text, `v` being
 * the version; STORED_TEXT_JOIN follows `source_versions v` in its FROM.
 */
export const STORED_TEXT_COLUMNS =
  'v.id AS version_id, v.text_data, v.text_encoding, v.text_length, o.compression AS original_compression, o.data AS original_data';
/** The original, joined only for a text compressed against it. */
export const STORED_TEXT_JOIN =
  "LEFT JOIN originals o ON o.id = v.original_id AND v.text_encoding = 'deflate-original'";

export interface StoredTextRow {
  version_id: number;
  text_data: Buffer;
  text_encoding: TextEncoding;
  text_length: number;
  original_compression: string | null;
  original_data: Buffer | null;
}

/**
 * The one way a version's text is read back from a row of STORED_TEXT_COLUMNS
 * (see versionStorage.ts). A text that cannot be decoded is `damaged`.
 */
export function decodeText(row: StoredTextRow): string {
  try {
    const packed = { data: row.text_data, encoding: row.text_encoding };
    return unpackText(packed, row.text_length, () => {
      if (row.original_compression === null || row.original_data === null) {
        throw new Error('its original is missing');
      }
      return storedOriginalBytes({
        compression: row.original_compression,
        data: row.original_data,
      });
    });
  } catch (error) {
    throw new DossierError(
      'damaged',
      `The stored text of version row ${row.version_id} cannot be read (${String(error)}); ` +
        'the notebook is damaged: run `dossier check`.',
    );
  }
}

/**
 * One version of a source, by number; the current one when `versionNumber` is
 * absent. A missing source or version is `not_found`.
 */
export function readVersion(db: ReadableDB, sourceId: number, versionNumber?: number): VersionText {
  const columns = `${STORED_TEXT_COLUMNS}, v.version_number, v.blocks_data`;
  const row = (
    versionNumber === undefined
      ? db
          .prepare(
            `SELECT ${columns} FROM sources s
             JOIN source_versions v ON v.id = s.current_version_id ${STORED_TEXT_JOIN}
             WHERE s.id = ?`,
          )
          .get(sourceId)
      : db
          .prepare(
            `SELECT ${columns} FROM source_versions v ${STORED_TEXT_JOIN}
             WHERE v.source_id = ? AND v.version_number = ?`,
          )
          .get(sourceId, versionNumber)
  ) as (StoredTextRow & { version_number: number; blocks_data: Buffer }) | undefined;
  if (!row) throw versionNotFound(db, sourceId, versionNumber);
  const text = decodeText(row);
  return {
    id: row.version_id,
    number: row.version_number,
    text,
    blocks: unpackBlocks(row.blocks_data, text),
  };
}

/** A version's text and blocks, by the version's id (which must exist). */
export function readVersionContent(
  db: ReadableDB,
  versionId: number,
): { text: string; blocks: Block[] } {
  const row = db
    .prepare(
      `SELECT ${STORED_TEXT_COLUMNS}, v.blocks_data FROM source_versions v ${STORED_TEXT_JOIN}
       WHERE v.id = ?`,
    )
    .get(versionId) as (StoredTextRow & { blocks_data: Buffer }) | undefined;
  if (!row) throw new DossierError('not_found', `No version with id ${versionId}`);
  const text = decodeText(row);
  return { text, blocks: unpackBlocks(row.blocks_data, text) };
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
  const ids = idIn('v.id', versionIds);
  const rows = cachedStatement(
    db,
    `SELECT ${STORED_TEXT_COLUMNS} FROM source_versions v ${STORED_TEXT_JOIN} WHERE ${ids.sql}`,
  ).all(...ids.params) as StoredTextRow[];
  return new Map(rows.map((row) => [row.version_id, decodeText(row)]));
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
