import { useCallback } from 'react';
import type { ImportedSource, RevisedSource } from '../../shared/api';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../../shared/importLimits';
import { api } from '../api/client';
import { readFileBase64 } from '../import/readFileBase64';
import { isolate } from '../ui/bidi';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';

export interface RevisionImporter {
  /** Adds the file's text as the source's next version. */
  updateFromFile: (file: File) => Promise<void>;
  /** Adds pasted text as the next version; true once saved (or found to be a duplicate). */
  updateFromText: (text: string) => Promise<boolean>;
}

/**
 * Saves new text of an article as its next version (never over the old one):
 * the core re-anchors its passages and reports what became of them, which
 * `onRevised` shows. Text the article already has is a duplicate, and says so.
 */
export function useRevisionImport(
  sourceId: string,
  onRevised: (revised: RevisedSource) => void,
): RevisionImporter {
  const toast = useToast();
  const run = useAction();

  const report = useCallback(
    (result: ImportedSource) => {
      if (result.status === 'revised') {
        toast({ kind: 'success', message: `Saved a new version of ${isolate(result.title)}` });
        onRevised(result);
      } else if (result.status === 'duplicate') {
        toast({
          kind: 'info',
          message: `No new version: ${isolate(result.title)} already has exactly this text.`,
        });
      } else {
        // The contract never answers `imported` to a revision; say what happened if it does.
        toast({ kind: 'info', message: `Imported as a new article: ${isolate(result.title)}` });
      }
    },
    [toast, onRevised],
  );

  const updateFromFile = useCallback(
    async (file: File) => {
      // Refused here, so a huge file is never read into memory and sent.
      if (file.size > MAX_IMPORT_BYTES) {
        toast({ kind: 'error', message: tooLargeToImport(file.name, file.size).message });
        return;
      }
      const result = await run('Could not update the article', async () =>
        api.importFile({
          fileName: file.name,
          contentBase64: await readFileBase64(file),
          revisionOf: sourceId,
        }),
      );
      if (result) report(result);
    },
    [sourceId, report, run, toast],
  );

  const updateFromText = useCallback(
    async (text: string) => {
      const result = await run('Could not update the article', () =>
        api.importText({ text, revisionOf: sourceId }),
      );
      if (result) report(result);
      return result !== undefined;
    },
    [sourceId, report, run],
  );

  return { updateFromFile, updateFromText };
}
