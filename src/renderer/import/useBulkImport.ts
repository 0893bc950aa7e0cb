import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isDossierError } from '../../shared/errors';
import { api, subscribeNotebookEvents } from '../api/client';
import { newOperationId } from '../operations/newOperationId';
import { batchesOf } from './fileBatches';
import { readBatch, sendBatch, wasCancelled, type ReadBatch } from './importBatches';
import { hasImportableExtension, type FolderFile } from './importableFiles';

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ImportSummary {
  /** What was imported ("reports", "45 files"). */
  label: string;
  imported: number;
  duplicates: number;
  skipped: SkippedFile[];
  /** Files left out because the import was cancelled. */
  notImported: number;
  cancelled: boolean;
}

export type BulkImportState =
  | { phase: 'idle' }
  | { phase: 'running'; label: string; done: number; total: number; cancelling: boolean }
  | { phase: 'finished'; summary: ImportSummary };

export interface BulkImport {
  state: BulkImportState;
  /** Imports every importable file of `items`, batch after batch; the others are skipped with their reason. */
  start: (items: readonly FolderFile[], label: string) => Promise<void>;
  cancel: () => void;
  /** Forgets the summary once it was read. */
  dismiss: () => void;
}

const notImportable =
  'not a type Dossier imports (text, Markdown, web pages, MHTML, PDF, EPUB, Word .docx)';

/**
 * Many files (a folder, a large drop): sent in batches, each one long operation
 * whose progress events move a running count; Cancel stops the batch under way
 * and sends no more. At the end, a summary of what became of every file.
 */
export function useBulkImport(): BulkImport {
  const [state, setState] = useState<BulkImportState>({ phase: 'idle' });
  const current = useRef<{ operationId: string; cancelled: boolean } | null>(null);
  const finishedBefore = useRef(0);

  const running = state.phase === 'running';
  useEffect(() => {
    if (!running) return;
    return subscribeNotebookEvents((event) => {
      const operation = current.current;
      if (event.type !== 'progress' || event.operationId !== operation?.operationId) return;
      const done = finishedBefore.current + event.done;
      setState((now) => (now.phase === 'running' && done > now.done ? { ...now, done } : now));
    });
  }, [running]);

  const start = useCallback(async (items: readonly FolderFile[], label: string) => {
    if (current.current) return;
    const toImport = items.filter(({ file }) => hasImportableExtension(file.name));
    let imported = 0;
    let duplicates = 0;
    const skipped: SkippedFile[] = items
      .filter(({ file }) => !hasImportableExtension(file.name))
      .map(({ path }) => ({ path, reason: notImportable }));
    const operation = { operationId: '', cancelled: false };
    current.current = operation;
    finishedBefore.current = 0;
    setState({ phase: 'running', label, done: 0, total: toImport.length, cancelling: false });

    // Files that came to an end (imported, duplicate, refused), as opposed to left out by a cancel.
    let settled = 0;
    const batches = batchesOf(toImport);
    let next = await batches.next();
    let reading = readAhead(next.done ? undefined : next.value);
    while (!next.done && !operation.cancelled) {
      const batch = next.value;
      operation.operationId = newOperationId({ ownProgress: true });
      // The next batch is made and read from disk while this one is read and imported.
      const thisBatch = reading!;
      next = await batches.next();
      reading = readAhead(next.done ? undefined : next.value);
      try {
        const results = (await sendBatch(await thisBatch, operation.operationId)).filter(
          ({ outcome }) => !wasCancelled(outcome),
        );
        settled += results.length;
        for (const { item, outcome } of results) {
          if (outcome.status === 'error')
            skipped.push({ path: item.path, reason: outcome.error.message });
          else if (outcome.status === 'duplicate') duplicates++;
          else imported++;
        }
      } catch (error) {
        // The whole call failed (the connection, a cancel before it began): every file of it says why.
        if (isDossierError(error) && error.code === 'cancelled') {
          operation.cancelled = true;
        } else {
          settled += batch.length;
          skipped.push(...batch.map(({ path }) => ({ path, reason: errorMessage(error) })));
        }
      }
      finishedBefore.current += batch.length;
      const done = finishedBefore.current;
      setState((now) => (now.phase === 'running' ? { ...now, done } : now));
    }

    current.current = null;
    setState({
      phase: 'finished',
      summary: {
        label,
        imported,
        duplicates,
        skipped,
        notImported: toImport.length - settled,
        cancelled: operation.cancelled,
      },
    });
  }, []);

  const cancel = useCallback(() => {
    const operation = current.current;
    if (!operation || operation.cancelled) return;
    operation.cancelled = true;
    setState((now) => (now.phase === 'running' ? { ...now, cancelling: true } : now));
    // The batch under way stops between two files; what it already imported stays.
    void api.cancelOperation({ operationId: operation.operationId }).catch(() => undefined);
  }, []);

  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, start, cancel, dismiss };
}

/** Starts reading `batch`; a failure is seen when the read is awaited, never as unhandled before. */
function readAhead(batch: readonly FolderFile[] | undefined): Promise<ReadBatch> | undefined {
  if (!batch) return undefined;
  const reading = readBatch(batch);
  reading.catch(() => undefined);
  return reading;
}
