import type { FileImportOutcome } from '../../shared/api';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../../shared/importLimits';
import { api } from '../api/client';
import type { FolderFile } from './importableFiles';
import { readFileBase64 } from './readFileBase64';

/** Up to this many files, each is reported on its own; more get a progress bar and a summary. */
const MOST_FILES_REPORTED_ALONE = 20;

export interface ImportedFile {
  item: FolderFile;
  outcome: FileImportOutcome;
}

/** A batch read from disk, ready to send: the files small enough to import, encoded. */
export interface ReadBatch {
  batch: readonly FolderFile[];
  encoded: Array<{ fileName: string; contentBase64: string }>;
}

/** Too many files for a message each: worth a progress bar and a summary. */
export function isBulk(items: readonly FolderFile[]): boolean {
  return items.length > MOST_FILES_REPORTED_ALONE;
}

/** Reads a batch's files. Files too large are left out here, so they are never read into memory. */
export async function readBatch(batch: readonly FolderFile[]): Promise<ReadBatch> {
  const toSend = batch.filter(({ file }) => file.size <= MAX_IMPORT_BYTES);
  const encoded = await Promise.all(
    toSend.map(async ({ file }) => ({
      fileName: file.name,
      contentBase64: await readFileBase64(file),
    })),
  );
  return { batch, encoded };
}

/**
 * Imports a batch read as one long operation (followed and cancelled by
 * `operationId`); each file's outcome comes back beside it, in order, the
 * files too large refused with their reason.
 */
export async function sendBatch(
  { batch, encoded }: ReadBatch,
  operationId: string,
): Promise<ImportedFile[]> {
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

export async function importBatch(
  batch: readonly FolderFile[],
  operationId: string,
): Promise<ImportedFile[]> {
  return sendBatch(await readBatch(batch), operationId);
}

export function wasCancelled(outcome: FileImportOutcome): boolean {
  return outcome.status === 'error' && outcome.error.code === 'cancelled';
}
