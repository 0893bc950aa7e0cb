import { useCallback } from 'react';
import type { FileImportOutcome, ImportedSource } from '../../shared/api';
import { api } from '../api/client';
import { isolate } from '../ui/bidi';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';
import { newOperationId } from '../operations/newOperationId';
import { readDrop } from './droppedFiles';
import { batchesOf } from './fileBatches';
import { importBatch, isBulk, wasCancelled } from './importBatches';
import type { FolderFile } from './importableFiles';
import { useBulkImport, type BulkImport } from './useBulkImport';

export interface Importer {
  /** Files chosen or dropped one by one: each outcome is a toast; many files go as a bulk import. */
  importFiles: (files: Iterable<File>) => Promise<void>;
  /** Every file of a folder (or of a large drop), with a progress bar and a summary. */
  importFolder: (files: readonly FolderFile[], label: string) => Promise<void>;
  /** Whatever was dropped on the window: files, folders or both. */
  importDrop: (transfer: DataTransfer) => void;
  /** Pasted text, or the clipboard's HTML (imported as a web page) when `html` is given. */
  importText: (text: string, title?: string, html?: string) => Promise<boolean>;
  /** Fetches a page and imports it; throws what went wrong for the dialog to show. */
  importUrl: (url: string, operationId: string) => Promise<void>;
  bulk: BulkImport;
}

/** Imports files, folders, pasted text and web addresses, reports each outcome and opens what was imported. */
export function useImport(onImported: (sourceId: string) => void): Importer {
  const toast = useToast();
  const run = useAction();
  const bulk = useBulkImport();
  const startBulk = bulk.start;

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

  const importLoose = useCallback(
    async (items: readonly FolderFile[]) => {
      for await (const batch of batchesOf(items)) {
        const results = await run('Import failed', () => importBatch(batch, newOperationId()));
        results?.forEach(({ outcome }) => reportFile(outcome));
        // Cancelled from the progress bar: the files not yet sent stay out too.
        if (!results || results.some(({ outcome }) => wasCancelled(outcome))) return;
      }
    },
    [reportFile, run],
  );

  const importFiles = useCallback(
    async (files: Iterable<File>) => {
      const items = [...files].map((file) => ({ file, path: file.name }));
      if (isBulk(items)) await startBulk(items, `${items.length} files`);
      else await importLoose(items);
    },
    [importLoose, startBulk],
  );

  const importDrop = useCallback(
    (transfer: DataTransfer) => {
      void readDrop(transfer).then(({ files, hadFolder }) => {
        if (hadFolder || isBulk(files)) return startBulk(files, dropLabel(files));
        return importLoose(files);
      });
    },
    [importLoose, startBulk],
  );

  const importText = useCallback(
    async (text: string, title?: string, html?: string) => {
      const imported = await run(html ? 'Pasted page' : 'Pasted text', () =>
        api.importText({ text, html, title: title?.trim() || undefined }),
      );
      if (imported) reportImported(imported);
      return imported !== undefined;
    },
    [reportImported, run],
  );

  const importUrl = useCallback(
    async (url: string, operationId: string) => {
      reportImported(await api.importUrl({ url, operationId }));
    },
    [reportImported],
  );

  return { importFiles, importFolder: startBulk, importDrop, importText, importUrl, bulk };
}

/** The dropped folder's name when one folder was dropped, else how many files. */
function dropLabel(files: readonly FolderFile[]): string {
  const tops = new Set(files.map(({ path }) => path.split('/')[0]));
  const [only] = tops;
  return tops.size === 1 && only !== undefined && files.some(({ path }) => path.includes('/'))
    ? only
    : `${files.length} files`;
}
