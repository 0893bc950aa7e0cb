import { createHash } from 'node:crypto';
import type { RevisionReport, VersionOrigin } from '../../shared/api';
import type { WritableDB } from '../db/openDatabase';
import type { ParsedText } from '../sources/parsePlainText';

/** The extractor that made a version's text and blocks from what was imported. */
export const PLAIN_TEXT_EXTRACTOR = 'plain-text@1';

/** How a version came in: the way (file or paste) and the file's name, if any. */
export interface VersionSource {
  origin: VersionOrigin;
  fileName: string | null;
}

/** The key duplicate detection compares: the SHA-256 of the version text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Writes an immutable version of a source (its number is given by the caller),
 * with the report of the re-anchoring it caused (none for a first version), and
 * returns its id. Run inside the transaction that makes it current.
 */
export function insertVersion(
  db: WritableDB,
  sourceId: number,
  versionNumber: number,
  parsed: ParsedText,
  { origin, fileName }: VersionSource,
  createdAt: string,
  report: RevisionReport | null = null,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO source_versions
           (source_id, version_number, text, blocks_json, content_sha256, extractor, created_at,
            origin, file_name, revision_report_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sourceId,
        versionNumber,
        parsed.text,
        JSON.stringify(parsed.blocks),
        contentHash(parsed.text),
        PLAIN_TEXT_EXTRACTOR,
        createdAt,
        origin,
        fileName,
        report === null ? null : JSON.stringify(report),
      ).lastInsertRowid,
  );
}
