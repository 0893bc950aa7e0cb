import type { FileImportOutcome } from '../../shared/api';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../../shared/importLimits';
import { api } from '../api/client';
import type { FolderFile } from './importableFiles';
import { readFileBase64 } from './readFileBase64';

/** A batch holds at most this many files… */
const BATCH_FILES = 20;
/** …and this many bytes, well inside a request's limit once base64-encoded. */
const BATCH_BYTES = 16 * 1024 * 1024;

export interface ImportedFile {
  item: FolderFile;
  outcome: FileImportOutcome;
}

/** The files in the batches they travel in, in order. */
export function* batchesOf(items: readonly FolderFile[]): Generator<FolderFile[]> {
  let batch: FolderFile[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Math.min(item.file.size, MAX_IMPORT_BYTES);
    if (batch.length >= BATCH_FILES || (batch.length > 0 && bytes + size > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

/** More files than one batch holds: worth a progress bar and a summary rather than a toast each. */
export function needsSeveralBatches(items: readonly FolderFile[]): boolean {
  return items.length > BATCH_FILES;
}

/**
 * Imports one batch as one long operation (followed and cancelled by
 * `operationId`); each file's outcome comes back beside it, in order. Files too
 * large are refused here, so they are never read into memory and sent.
 */
export async function importBatch(
  batch: readonly FolderFile[],
  operationId: string,
): Promise<ImportedFile[]> {
  const toSend = batch.filter(({ file }) => file.size <= MAX_IMPORT_BYTES);
  const encoded = await Promise.all(
    toSend.map(async ({ file }) => ({
      fileName: file.name,
      contentBase64: await readFileBase64(file),
    })),
  );
  const outcomes = encoded.length > 0 ? await api.importFiles({ files: encoded, operationId }) : [];
  let next = 0;
  return batch.map((item): ImportedFile => {
    if (item.file.size <= MAX_IMPORT_BYTES) return { item, outcome: outcomes[next++]! };
    const { code, message } = tooLargeToImport(item.file.name, item.file.size);
    return {
      item,
      outcome: { status: 'error', fileName: item.file.name, error: { code, message } },
    };
  });
}

export function wasCancelled(outcome: FileImportOutcome): boolean {
  return outcome.status === 'error' && outcome.error.code === 'cancelled';
}
