/**
 * The bulk path (a folder from the app, `dossier import DIR`): each file is
 * extracted, packed and folded on its own (off the write lock), then the
 * documents are stored in batches, one transaction per batch. SQLite and FTS5 pay for a commit once
 * per batch instead of once per file; a file that cannot be stored is reported
 * and rolled back alone (see storeAll), and an interrupted import leaves every
 * article either wholly in or out.
 */
import type {
  FileImportOutcome,
  ImportedSource,
  OperationContext,
  ValidArgs,
} from '../../shared/api';
import type { SourceKind } from '../../shared/documentModel';
import { isDossierError, toErrorInfo } from '../../shared/errors';
import type { WritableDB } from '../db/openDatabase';
import { detectFormat } from '../extract/detectFormat';
import { extractDocument } from '../extract/extractDocument';
import type { ExtractedDocument } from '../extract/extractedDocument';
import { quietOperation, stopIfCancelled, yieldToHost } from '../operations';
import { contentHash, type VersionSource } from '../versions/storeVersion';
import {
  decodeBase64,
  holdsText,
  prepareDocument,
  storedDuplicate,
  storeInTransaction,
  type PreparedDocument,
} from './importSource';

/**
 * A batch is stored once it holds this many documents (a commit writes the
 * batch's index terms as one FTS5 segment, see migration 009: the fewer and
 * larger, the less merging)…
 */
const BATCH_DOCUMENTS = 1000;
/** …or this much text, so a batch of large files does not hold much memory or the lock for long. */
const BATCH_TEXT_CHARS = 8 * 1024 * 1024;

type FileToImport = ValidArgs<'importFiles'>['files'][number];

interface Prepared {
  fileName: string;
  document: ExtractedDocument;
  source: VersionSource;
  sha256: string;
  /** Left out for a text the notebook held when the file was read: it will be a duplicate. */
  prepared: PreparedDocument | null;
}

/**
 * Imports files in order; each outcome says what became of its file. Once
 * cancelled, the documents already prepared are still stored (they are
 * whole), and the files left are reported as not imported.
 */
export async function importFiles(
  db: WritableDB,
  { files }: ValidArgs<'importFiles'>,
  { signal, progress }: OperationContext = quietOperation,
): Promise<FileImportOutcome[]> {
  const outcomes: FileImportOutcome[] = new Array(files.length);
  let batch: Array<Prepared & { index: number }> = [];
  let batchChars = 0;
  const storeBatch = () => {
    storeAll(db, batch, outcomes);
    batch = [];
    batchChars = 0;
  };

  for (const [index, file] of files.entries()) {
    const extracted = await prepareFile(db, file, signal);
    if ('status' in extracted) {
      outcomes[index] = extracted;
    } else {
      batch.push({ ...extracted, index });
      batchChars += extracted.document.text.length;
      if (batch.length >= BATCH_DOCUMENTS || batchChars >= BATCH_TEXT_CHARS) storeBatch();
    }
    // A file is done once prepared (its batch is stored before the import ends). Once
    // cancelled, the files left are only marked as not imported: that is no progress.
    if (!signal.aborted) progress(index + 1, files.length);
    await yieldToHost();
  }
  storeBatch();
  return outcomes;
}

/**
 * The file's document ready to store (extracted, packed, folded: work done
 * before the write lock is taken), or the reason it cannot be imported. A text
 * the notebook holds already (a folder imported again) is only hashed: it will
 * be a duplicate, and packing and folding it would be for nothing.
 */
async function prepareFile(
  db: WritableDB,
  { fileName, contentBase64 }: FileToImport,
  signal: AbortSignal,
): Promise<Prepared | FileImportOutcome> {
  let kind: SourceKind | undefined;
  try {
    stopIfCancelled(signal, `${fileName} was not imported: the import was cancelled.`);
    const bytes = decodeBase64(contentBase64, fileName);
    kind = detectFormat(bytes, fileName).kind;
    const { format, document } = await extractDocument({ bytes, fileName }, signal);
    const source = {
      origin: 'file' as const,
      fileName,
      original: { bytes, mediaType: format.mediaType },
    };
    const sha256 = contentHash(document.text);
    const prepared = holdsText(db, sha256) ? null : prepareDocument(document, source, sha256);
    return { fileName, document, source, sha256, prepared };
  } catch (error) {
    return failed(fileName, error, kind);
  }
}

/**
 * A prepared file stored in the caller's transaction. One left unprepared is a
 * duplicate, unless its text has left the notebook since it was read: then it
 * is prepared now.
 */
function storeFile(db: WritableDB, file: Prepared): ImportedSource {
  const { document, source, sha256 } = file;
  const duplicate = file.prepared ? null : storedDuplicate(db, sha256, document.kind);
  return (
    duplicate ?? storeInTransaction(db, file.prepared ?? prepareDocument(document, source, sha256))
  );
}

/**
 * One transaction for the batch. FTS5 writes its pending index out at every
 * savepoint, so the documents go in without one; should one of them be
 * refused, the batch is rolled back whole and stored again with a savepoint
 * for each document, so that only that one fails.
 */
function storeAll(
  db: WritableDB,
  batch: ReadonlyArray<Prepared & { index: number }>,
  outcomes: FileImportOutcome[],
): void {
  if (batch.length === 0) return;
  try {
    db.transaction(() => {
      for (const file of batch)
        outcomes[file.index] = { fileName: file.fileName, ...storeFile(db, file) };
    }).immediate();
  } catch {
    storeEachAlone(db, batch, outcomes);
  }
}

function storeEachAlone(
  db: WritableDB,
  batch: ReadonlyArray<Prepared & { index: number }>,
  outcomes: FileImportOutcome[],
): void {
  db.transaction(() => {
    for (const file of batch) {
      try {
        // A savepoint of the batch's transaction: a document refused leaves nothing behind.
        const stored = db.transaction(() => storeFile(db, file))();
        outcomes[file.index] = { fileName: file.fileName, ...stored };
      } catch (error) {
        outcomes[file.index] = failed(file.fileName, error, file.document.kind);
      }
    }
  }).immediate();
}

function failed(fileName: string, error: unknown, kind: SourceKind | undefined): FileImportOutcome {
  if (!isDossierError(error)) throw error;
  return { status: 'error', fileName, error: toErrorInfo(error), ...(kind ? { kind } : {}) };
}
