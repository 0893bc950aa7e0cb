/**
 * The bulk path (a folder from the app, `dossier import DIR`): each file is
 * extracted on its own (off the write lock), then the documents are stored in
 * batches, one transaction per batch. SQLite and FTS5 pay for a commit once
 * per batch instead of once per file; a file that cannot be stored is reported
 * and rolled back alone (see storeAll), and an interrupted import leaves every
 * article either wholly in or out.
 */
import type { FileImportOutcome, OperationContext, ValidArgs } from '../../shared/api';
import type { SourceKind } from '../../shared/documentModel';
import { isDossierError, toErrorInfo } from '../../shared/errors';
import type { WritableDB } from '../db/openDatabase';
import { detectFormat } from '../extract/detectFormat';
import type { ExtractedDocument } from '../extract/extractedDocument';
import { extractDocument } from '../extract/extractDocument';
import { quietOperation, stopIfCancelled, yieldToHost } from '../operations';
import { decodeBase64, storeDocument, storeInTransaction } from './importSource';

/** A batch is stored once it holds this many documents… */
const BATCH_DOCUMENTS = 200;
/** …or this much text, so a batch of large files does not hold much memory or the lock for long. */
const BATCH_TEXT_CHARS = 8 * 1024 * 1024;

type FileToImport = ValidArgs<'importFiles'>['files'][number];

interface Extracted {
  fileName: string;
  document: ExtractedDocument;
  original: { bytes: Uint8Array; mediaType: string };
}

/**
 * Imports files in order; each outcome says what became of its file. Once
 * cancelled, the documents already extracted are still stored (they are
 * whole), and the files left are reported as not imported.
 */
export async function importFiles(
  db: WritableDB,
  { files }: ValidArgs<'importFiles'>,
  { signal, progress }: OperationContext = quietOperation,
): Promise<FileImportOutcome[]> {
  const outcomes: FileImportOutcome[] = new Array(files.length);
  let batch: Array<Extracted & { index: number }> = [];
  let batchChars = 0;
  const storeBatch = () => {
    storeAll(db, batch, outcomes);
    batch = [];
    batchChars = 0;
  };

  for (const [index, file] of files.entries()) {
    const extracted = await extractFile(file, signal);
    if ('status' in extracted) {
      outcomes[index] = extracted;
    } else {
      batch.push({ ...extracted, index });
      batchChars += extracted.document.text.length;
      if (batch.length >= BATCH_DOCUMENTS || batchChars >= BATCH_TEXT_CHARS) storeBatch();
    }
    // A file is done once extracted (its batch is stored before the import ends). Once
    // cancelled, the files left are only marked as not imported: that is no progress.
    if (!signal.aborted) progress(index + 1, files.length);
    await yieldToHost();
  }
  storeBatch();
  return outcomes;
}

/** The file's document, or the reason it cannot be imported. */
async function extractFile(
  { fileName, contentBase64 }: FileToImport,
  signal: AbortSignal,
): Promise<Extracted | FileImportOutcome> {
  let kind: SourceKind | undefined;
  try {
    stopIfCancelled(signal, `${fileName} was not imported: the import was cancelled.`);
    const bytes = decodeBase64(contentBase64, fileName);
    kind = detectFormat(bytes, fileName).kind;
    const { format, document } = await extractDocument({ bytes, fileName }, signal);
    return { fileName, document, original: { bytes, mediaType: format.mediaType } };
  } catch (error) {
    return failed(fileName, error, kind);
  }
}

/**
 * One transaction for the batch. FTS5 writes its pending index out at every
 * savepoint, so the documents go in without one; should one of them be
 * refused, the batch is rolled back whole and stored again with a savepoint
 * for each document, so that only that one fails.
 */
function storeAll(
  db: WritableDB,
  batch: ReadonlyArray<Extracted & { index: number }>,
  outcomes: FileImportOutcome[],
): void {
  if (batch.length === 0) return;
  try {
    db.transaction(() => {
      for (const { index, fileName, document, original } of batch) {
        const source = { origin: 'file' as const, fileName, original };
        outcomes[index] = { fileName, ...storeInTransaction(db, document, source) };
      }
    }).immediate();
  } catch {
    storeEachAlone(db, batch, outcomes);
  }
}

function storeEachAlone(
  db: WritableDB,
  batch: ReadonlyArray<Extracted & { index: number }>,
  outcomes: FileImportOutcome[],
): void {
  db.transaction(() => {
    for (const { index, fileName, document, original } of batch) {
      try {
        const stored = storeDocument(db, document, { origin: 'file', fileName, original });
        outcomes[index] = { fileName, ...stored };
      } catch (error) {
        outcomes[index] = failed(fileName, error, document.kind);
      }
    }
  }).immediate();
}

function failed(fileName: string, error: unknown, kind: SourceKind | undefined): FileImportOutcome {
  if (!isDossierError(error)) throw error;
  return { status: 'error', fileName, error: toErrorInfo(error), ...(kind ? { kind } : {}) };
}
