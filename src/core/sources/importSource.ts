import type { ImportedSource, OperationContext, ValidArgs } from '../../shared/api';
import type { SourceKind } from '../../shared/documentModel';
import { DossierError } from '../../shared/errors';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../../shared/importLimits';
import { truncate } from '../../shared/text';
import type { ReadableDB, WritableDB } from '../db/openDatabase';
import { cachedStatement } from '../db/statementCache';
import { timestamp } from '../db/timestamp';
import type { ExtractedDocument, ExtractionInput } from '../extract/extractedDocument';
import { extractDocument } from '../extract/extractDocument';
import { plainTextDocument } from '../extract/plainText/extractPlainText';
import { quietOperation, stopIfCancelled } from '../operations';
import { takeOutOfTrash } from '../trash/sourceTrash';
import { indexSource, sourceKeys, type SourceKeys } from '../search/searchIndex';
import { addRevision } from '../versions/addRevision';
import {
  contentHash,
  insertVersion,
  prepareVersion,
  type PreparedVersion,
  type VersionSource,
} from '../versions/storeVersion';
import { METADATA_COLUMNS, metadataValues } from './sourceMetadata';

/** Longer first lines (a pasted paragraph without a heading) are shortened for the library list. */
const MAX_TITLE_LENGTH = 200;

/**
 * Imports a file's bytes, whatever its format; bad input is refused with its
 * reason, and nothing is written. With `revisionOf`, the document becomes that
 * source's next version.
 */
export async function importFile(
  db: WritableDB,
  args: ValidArgs<'importFile'>,
  { signal }: OperationContext = quietOperation,
): Promise<ImportedSource> {
  const bytes = decodeBase64(args.contentBase64, args.fileName);
  return importBytes(
    db,
    { bytes, fileName: args.fileName },
    { origin: 'file', fileName: args.fileName },
    args.revisionOf,
    signal,
  );
}

/**
 * Imports pasted text (a given title becomes the first block, as a file's first
 * line would), or pasted HTML through the web page pipeline, keeping the HTML
 * as the original.
 */
export async function importText(
  db: WritableDB,
  args: ValidArgs<'importText'>,
  { signal }: OperationContext = quietOperation,
): Promise<ImportedSource> {
  if (args.html !== undefined && args.html.trim() !== '') {
    const bytes = new TextEncoder().encode(args.html);
    return importBytes(
      db,
      { bytes, fileName: 'pasted.html' },
      { origin: 'paste', fileName: null },
      args.revisionOf,
      signal,
    );
  }
  const bytes = Buffer.byteLength(args.text);
  if (bytes > MAX_IMPORT_BYTES) throw tooLargeToImport('The text', bytes);
  const text = args.title ? `${args.title}\n\n${args.text}` : args.text;
  const document = plainTextDocument(text);
  if (document.text.trim() === '') {
    throw new DossierError('unsupported', 'The text is empty; there is nothing to import.');
  }
  return storeDocument(db, document, { origin: 'paste', fileName: null }, args.revisionOf);
}

/** Extracts the document (off the write lock: nothing is written until it is whole), then stores it. */
export async function importBytes(
  db: WritableDB,
  input: ExtractionInput,
  source: Omit<VersionSource, 'original'>,
  revisionOf: string | undefined,
  signal: AbortSignal,
): Promise<ImportedSource> {
  const { format, document } = await extractDocument(input, signal);
  stopIfCancelled(signal, `${input.fileName} was not imported: the import was cancelled.`);
  const original = { bytes: input.bytes, mediaType: format.mediaType };
  return storeDocument(db, document, { ...source, original }, revisionOf);
}

/**
 * Stores a document: as a new version of `revisionOf`; else as a `duplicate`
 * of the source that already holds exactly this text; else as a new version of
 * the source saved from the same canonical address; else as a new source. A
 * source in the trash that the document lands on comes back from it. Inside
 * a caller's transaction (a bulk import's batch) it is a savepoint of it.
 */
export function storeDocument(
  db: WritableDB,
  document: ExtractedDocument,
  source: VersionSource,
  revisionOf?: string,
): ImportedSource {
  if (revisionOf !== undefined) return addRevision(db, Number(revisionOf), document, source);
  const prepared = prepareDocument(document, source);
  return db.transaction(() => storeInTransaction(db, prepared)).immediate();
}

/**
 * A document ready to be stored as a new source: its title shortened, its
 * version packed and hashed, its search keys folded, each once. Made without
 * the database, before the write lock is taken.
 */
export interface PreparedDocument {
  document: ExtractedDocument;
  source: VersionSource;
  title: string;
  version: PreparedVersion;
  keys: SourceKeys;
}

export function prepareDocument(
  document: ExtractedDocument,
  source: VersionSource,
  sha256 = contentHash(document.text),
): PreparedDocument {
  const title = shortTitle(document.title);
  return {
    document,
    source,
    title,
    version: prepareVersion(document, source.original, sha256),
    keys: sourceKeys(title, document.text),
  };
}

/**
 * `storeDocument` without a revision to make, written straight into the
 * caller's transaction: no savepoint of its own, so a failure may leave part of
 * it there, and the caller must roll its whole transaction back.
 */
export function storeInTransaction(db: WritableDB, prepared: PreparedDocument): ImportedSource {
  const { document, source } = prepared;
  const duplicate = storedDuplicate(db, prepared.version.sha256, document.kind);
  if (duplicate) return duplicate;
  const sameAddress = sourceAt(db, document.metadata.canonicalUrl);
  if (sameAddress !== null) {
    // The title is the source's own: only the text's key is reused.
    return addRevision(db, sameAddress, document, source, prepared.version, prepared.keys.text);
  }
  return saveAsNewSource(db, prepared);
}

/** The source one of whose versions holds exactly the text of this hash, if any. */
function sourceHolding(db: ReadableDB, sha256: string): { id: number; title: string } | undefined {
  return cachedStatement(
    db,
    `SELECT s.id, s.title FROM source_versions v JOIN sources s ON s.id = v.source_id
     WHERE v.content_sha256 = ? LIMIT 1`,
  ).get(sha256) as { id: number; title: string } | undefined;
}

/** Whether a version already holds the text of this hash: what is imported with it will be a duplicate. */
export function holdsText(db: ReadableDB, sha256: string): boolean {
  return sourceHolding(db, sha256) !== undefined;
}

/**
 * The outcome of a document whose text a source holds already: a duplicate of
 * it, brought back from the trash. Null when no source holds it. Inside the
 * caller's transaction.
 */
export function storedDuplicate(
  db: WritableDB,
  sha256: string,
  kind: SourceKind,
): ImportedSource | null {
  const existing = sourceHolding(db, sha256);
  if (!existing) return null;
  takeOutOfTrash(db, existing.id);
  return { status: 'duplicate', sourceId: String(existing.id), title: existing.title, kind };
}

/** The source saved from this canonical address, if any (the oldest, should there be several). */
function sourceAt(db: WritableDB, url: string | null): number | null {
  if (url === null) return null;
  const row = cachedStatement(db, 'SELECT id FROM sources WHERE url = ? ORDER BY id LIMIT 1').get(
    url,
  ) as { id: number } | undefined;
  return row?.id ?? null;
}

/** A new source with version 1 and its search index entry; inside the caller's transaction. */
function saveAsNewSource(
  db: WritableDB,
  { document, source, title, version, keys }: PreparedDocument,
): ImportedSource {
  const now = timestamp();
  const columns = ['title', 'kind', 'captured_at', 'original_file_name', ...METADATA_COLUMNS];
  const sourceId = Number(
    cachedStatement(
      db,
      `INSERT INTO sources (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(title, document.kind, now, source.fileName, ...metadataValues(document.metadata))
      .lastInsertRowid,
  );
  const versionId = insertVersion(db, sourceId, 1, document, source, now, null, version);
  cachedStatement(db, 'UPDATE sources SET current_version_id = ? WHERE id = ?').run(
    versionId,
    sourceId,
  );
  indexSource(db, sourceId, keys);
  return { status: 'imported', sourceId: String(sourceId), title, kind: document.kind };
}

export function decodeBase64(contentBase64: string, fileName: string): Buffer {
  // Node skips what is not base64: bytes that encode back to the very text were all of it.
  // A third of the time of checking the text against the alphabet first (a folder's worth).
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.toString('base64') === contentBase64) return bytes;
  // Wrapped lines, missing padding, or not base64 at all.
  const compact = contentBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw new DossierError('invalid_argument', `The content of ${fileName} is not valid base64.`);
  }
  return Buffer.from(compact, 'base64');
}

/** Cuts a long title at a word break, never inside a character. */
function shortTitle(title: string): string {
  return truncate(title, MAX_TITLE_LENGTH, { atWordBreak: true });
}
