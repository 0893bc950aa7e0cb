import { useCallback } from 'react';
import type { ImportOutcome } from '../../shared/api';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../../shared/importLimits';
import { api } from '../api/client';
import { errorMessage } from '../api/apiError';
import { isolate } from '../ui/bidi';
import { useToast } from '../ui/toastContext';
import { readFileBase64 } from './readFileBase64';

export interface Importer {
  importFiles: (files: Iterable<File>) => Promise<void>;
  importText: (text: string, title?: string) => Promise<boolean>;
}

async function importOneFile(file: File): Promise<ImportOutcome> {
  // Refused here too, so a huge file is never read into memory and sent.
  if (file.size > MAX_IMPORT_BYTES) {
    const { code, message } = tooLargeToImport(file.name, file.size);
    return { status: 'error', error: { code, message } };
  }
  const contentBase64 = await readFileBase64(file);
  return api.importFile({ fileName: file.name, contentBase64 });
}

/** Imports files or pasted text, reports each outcome as a toast and opens what was imported. */
export function useImport(onImported: (sourceId: string) => void): Importer {
  const toast = useToast();

  const report = useCallback(
    (label: string, outcome: ImportOutcome): boolean => {
      const title = outcome.title ?? label;
      if (outcome.status === 'error' || !outcome.sourceId) {
        const message = outcome.error?.message ?? 'Import failed.';
        // The core's messages usually name the file already.
        toast({
          kind: 'error',
          message: message.includes(label) ? message : `${label}: ${message}`,
        });
        return false;
      }
      toast(
        outcome.status === 'duplicate'
          ? { kind: 'info', message: `Already in your library: ${isolate(title)}` }
          : { kind: 'success', message: `Imported ${isolate(title)}` },
      );
      onImported(outcome.sourceId);
      return true;
    },
    [toast, onImported],
  );

  const importFiles = useCallback(
    async (files: Iterable<File>) => {
      for (const file of files) {
        try {
          report(file.name, await importOneFile(file));
        } catch (error) {
          toast({ kind: 'error', message: `${file.name}: ${errorMessage(error)}` });
        }
      }
    },
    [report, toast],
  );

  const importText = useCallback(
    async (text: string, title?: string) => {
      try {
        return report(
          'Pasted text',
          await api.importText({ text, title: title?.trim() || undefined }),
        );
      } catch (error) {
        toast({ kind: 'error', message: `Pasted text: ${errorMessage(error)}` });
        return false;
      }
    },
    [report, toast],
  );

  return { importFiles, importText };
}
