import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { OriginalContent, OriginalSummary } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import type { ReadableDB, WritableDB } from '../db/openDatabase';
import { cachedStatement } from '../db/statementCache';

/** Below this saving, compressing is not worth the work of inflating on every read. */
const MIN_COMPRESSION_GAIN = 0.05;

/** An original as it is stored: hashed and, where that pays, compressed. */
export interface PackedOriginal {
  sha256: string;
  byteCount: number;
  mediaType: string;
  compression: 'deflate' | 'none';
  data: Buffer;
}

/** Hashes and compresses an original; no database needed (a bulk import does it off the write lock). */
export function packOriginal(bytes: Uint8Array, mediaType: string): PackedOriginal {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const deflated = deflateRawSync(bytes, { level: 6 });
  const compressed = deflated.length < bytes.length * (1 - MIN_COMPRESSION_GAIN);
  return {
    sha256,
    byteCount: bytes.length,
    mediaType,
    compression: compressed ? 'deflate' : 'none',
    data: compressed ? deflated : Buffer.from(bytes),
  };
}

/**
 * Keeps the bytes a version was made from and returns their row id; bytes
 * stored before (same SHA-256) are not stored twice. Run inside the import's
 * transaction, so an original never outlives a failed import.
 */
export function storeOriginal(db: WritableDB, original: PackedOriginal): number {
  const existing = cachedStatement(db, 'SELECT id FROM originals WHERE sha256 = ?').get(
    original.sha256,
  ) as { id: number } | undefined;
  if (existing) return existing.id;
  return Number(
    cachedStatement(
      db,
      `INSERT INTO originals (sha256, byte_count, media_type, compression, data)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(
      original.sha256,
      original.byteCount,
      original.mediaType,
      original.compression,
      original.data,
    ).lastInsertRowid,
  );
}

interface OriginalRow {
  sha256: string;
  byte_count: number;
  media_type: string;
  file_name: string | null;
  url: string | null;
  created_at: string;
}

const SUMMARY_COLUMNS = 'o.sha256, o.byte_count, o.media_type, v.file_name, v.url, v.created_at';
const OF_VERSION = 'FROM source_versions v JOIN originals o ON o.id = v.original_id WHERE v.id = ?';

/** What the evidence of a version is (null when it was pasted as plain text). */
export function originalOfVersion(db: ReadableDB, versionId: number): OriginalSummary | null {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} ${OF_VERSION}`).get(versionId) as
    | OriginalRow
    | undefined;
  return row ? toSummary(row) : null;
}

/** The bytes a version was made from, exactly as they came in, checked against their hash. */
export function readOriginal(db: ReadableDB, versionId: number): OriginalContent {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, o.compression, o.data ${OF_VERSION}`)
    .get(versionId) as (OriginalRow & StoredBytes) | undefined;
  if (!row) {
    throw new DossierError(
      'not_found',
      'This version was pasted as plain text: no original file was kept for it.',
    );
  }
  const bytes = verifiedBytes(row);
  if (typeof bytes === 'string') {
    throw new DossierError('damaged', `The stored original ${bytes}; the notebook is damaged.`);
  }
  return { original: toSummary(row), contentBase64: bytes.toString('base64') };
}

/** What is wrong with a stored original, or null when its bytes are whole. */
export function originalProblem(db: ReadableDB, originalId: number): string | null {
  const row = db
    .prepare('SELECT sha256, byte_count, compression, data FROM originals WHERE id = ?')
    .get(originalId) as StoredBytes;
  const bytes = verifiedBytes(row);
  return typeof bytes === 'string' ? bytes : null;
}

interface StoredBytes {
  sha256: string;
  byte_count: number;
  compression: string;
  data: Buffer;
}

/** An original's bytes as stored, decompressed (unverified: see `originalProblem`). */
export function storedOriginalBytes(row: Pick<StoredBytes, 'compression' | 'data'>): Buffer {
  return row.compression === 'deflate' ? inflateRawSync(row.data) : row.data;
}

/** The original's bytes, or why they cannot be trusted. */
function verifiedBytes(row: StoredBytes): Buffer | string {
  let bytes: Buffer;
  try {
    bytes = storedOriginalBytes(row);
  } catch {
    return 'cannot be decompressed';
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== row.sha256 || bytes.length !== row.byte_count) {
    return `does not match its SHA-256 (${row.sha256})`;
  }
  return bytes;
}

function toSummary(row: OriginalRow): OriginalSummary {
  return {
    sha256: row.sha256,
    byteCount: row.byte_count,
    mediaType: row.media_type,
    fileName: row.file_name,
    url: row.url,
    capturedAt: row.created_at,
  };
}
