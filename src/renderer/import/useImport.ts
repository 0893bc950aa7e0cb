import { useCallback } from 'react';
import type { FileImportOutcome, ImportedSource } from '../../shared/api';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../../shared/importLimits';
import { api } from '../api/client';
import { isolate } from '../ui/bidi';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';
import { newOperationId } from '../operations/newOperationId';
import { readFileBase64 } from './readFileBase64';

export interface Importer {
  importFiles: (files: Iterable<File>) => Promise<void>;
  importText: (text: string, title?: string) => Promise<boolean>;
}

/** Files travel in batches of at most this many bytes, well inside a request's limit. */
const BATCH_BYTES = 12 * 1024 * 1024;

/** Imports files or pasted text, reports each outcome as a toast and opens what was imported. */
export function useImport(onImported: (sourceId: string) => void): Importer {
  const toast = useToast();
  const run = useAction();

  const reportImported = useCallback(
    ({ status, title, sourceId }: ImportedSource) => {
      toast(
        status === 'duplicate'
          ? { kind: 'info', message: `Already in your library: ${isolate(title)}` }
          : { kind: 'success', message: `Imported ${isolate(title)}` },
      );
      onImported(sourceId);
    },
    [toast, onImported],
  );

  const reportFile = useCallback(
    (outcome: FileImportOutcome) => {
      if (outcome.status !== 'error') return reportImported(outcome);
      const { fileName, error } = outcome;
      // The core's messages usually name the file already.
      const message = error.message.includes(fileName)
        ? error.message
        : `${fileName}: ${error.message}`;
      toast({ kind: 'error', message });
    },
    [reportImported, toast],
  );

  const importFiles = useCallback(
    async (files: Iterable<File>) => {
      for (const batch of batchesOf([...files])) {
        const outcomes = await run('Import failed', () => importBatch(batch));
        outcomes?.forEach(reportFile);
        // Cancelled from the progress bar: the files not yet sent stay out too.
        if (!outcomes || outcomes.some(wasCancelled)) return;
      }
    },
    [reportFile, run],
  );

  const importText = useCallback(
    async (text: string, title?: string) => {
      const imported = await run('Pasted text', () =>
        api.importText({ text, title: title?.trim() || undefined }),
      );
      if (imported) reportImported(imported);
      return imported !== undefined;
    },
    [reportImported, run],
  );

  return { importFiles, importText };
}

function wasCancelled(outcome: FileImportOutcome): boolean {
  return outcome.status === 'error' && outcome.error.code === 'cancelled';
}

/** Files too large are refused here, so they are never read into memory and sent. */
async function importBatch(files: File[]): Promise<FileImportOutcome[]> {
  const tooLarge = files
    .filter((file) => file.size > MAX_IMPORT_BYTES)
    .map((file): FileImportOutcome => {
      const { code, message } = tooLargeToImport(file.name, file.size);
      return { status: 'error', fileName: file.name, error: { code, message } };
    });
  const toSend = files.filter((file) => file.size <= MAX_IMPORT_BYTES);
  if (toSend.length === 0) return tooLarge;
  const encoded = await Promise.all(
    toSend.map(async (file) => ({
      fileName: file.name,
      contentBase64: await readFileBase64(file),
    })),
  );
  const imported = await api.importFiles({ files: encoded, operationId: newOperationId() });
  return [...tooLarge, ...imported];
}

function* batchesOf(files: File[]): Generator<File[]> {
  let batch: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (batch.length > 0 && bytes + file.size > BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(file);
    bytes += Math.min(file.size, MAX_IMPORT_BYTES);
  }
  if (batch.length > 0) yield batch;
}
