import { createHash } from 'node:crypto';
import type { RevisionReport, VersionOrigin } from '../../shared/api';
import type { WritableDB } from '../db/openDatabase';
import { cachedStatement } from '../db/statementCache';
import type { ExtractedDocument } from '../extract/extractedDocument';
import { packOriginal, storeOriginal, type PackedOriginal } from '../originals/originals';
import { packBlocks, packText, type PackedText } from './versionStorage';

/** What a version holds: its text and blocks, and the extractor that made them. */
export type VersionContent = Pick<ExtractedDocument, 'text' | 'blocks' | 'extractor'>;

/** How a version came in: the way, the file's name or the page's final URL, and its original bytes. */
export interface VersionSource {
  origin: VersionOrigin;
  fileName: string | null;
  url?: string | null;
  /** The bytes it was made from, kept as evidence (none for pasted plain text). */
  original?: { bytes: Uint8Array; mediaType: string } | null;
}

/** The key duplicate detection compares: the SHA-256 of the version text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What SQLite's length() gives for a text: its characters (code points), not UTF-16 units. */
export function codePointCount(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      pairs++;
      i++;
    }
  }
  return text.length - pairs;
}

/**
 * What storing a version writes, made without the database (before the write
 * lock is taken): its text and blocks packed, its length and hash, its
 * original packed.
 */
export interface PreparedVersion {
  text: PackedText;
  blocks: Buffer;
  length: number;
  sha256: string;
  original: PackedOriginal | null;
}

export function prepareVersion(
  content: Pick<VersionContent, 'text' | 'blocks'>,
  original: VersionSource['original'],
  sha256 = contentHash(content.text),
): PreparedVersion {
  return {
    ...packContent(content, original?.bytes ?? null),
    sha256,
    original: original ? packOriginal(original.bytes, original.mediaType) : null,
  };
}

/** A version's text and blocks as the table stores them, and the text's length. */
export function packContent(
  { text, blocks }: Pick<VersionContent, 'text' | 'blocks'>,
  originalBytes: Uint8Array | null,
): Pick<PreparedVersion, 'text' | 'blocks' | 'length'> {
  return {
    text: packText(text, originalBytes),
    blocks: packBlocks(blocks, text),
    length: codePointCount(text),
  };
}

/**
 * Writes an immutable version of a source (its number is given by the caller),
 * with the report of the re-anchoring it caused (none for a first version), and
 * returns its id, keeping its original bytes (once). Run inside the transaction
 * that makes it current.
 */
export function insertVersion(
  db: WritableDB,
  sourceId: number,
  versionNumber: number,
  content: VersionContent,
  { origin, fileName, url = null, original = null }: VersionSource,
  createdAt: string,
  report: RevisionReport | null = null,
  prepared: PreparedVersion = prepareVersion(content, original),
): number {
  return Number(
    cachedStatement(
      db,
      `INSERT INTO source_versions
         (source_id, version_number, text_data, text_encoding, blocks_data, text_length,
          content_sha256, extractor, created_at, origin, file_name, url, original_id,
          revision_report_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      sourceId,
      versionNumber,
      prepared.text.data,
      prepared.text.encoding,
      prepared.blocks,
      prepared.length,
      prepared.sha256,
      content.extractor,
      createdAt,
      origin,
      fileName,
      url,
      prepared.original ? storeOriginal(db, prepared.original) : null,
      report === null ? null : JSON.stringify(report),
    ).lastInsertRowid,
  );
}
