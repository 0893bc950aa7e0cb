import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiArgs, ExportedNotes } from '../../shared/api';
import { errorMessage, isDossierError } from '../../shared/errors';
import { api, subscribeNotebookEvents } from '../api/client';
import { newOperationId } from '../operations/newOperationId';

export type NotesExportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'finished'; exported: ExportedNotes }
  | { phase: 'failed'; message: string };

export interface NotesExport {
  state: NotesExportState;
  start: (args: Omit<ApiArgs<'exportNotes'>, 'operationId'>, total: number) => Promise<void>;
  cancel: () => void;
  /** Back to the form (after a result or an error was read). */
  reset: () => void;
}

/**
 * One export of notes at a time, its progress counted from the core's events
 * (the dialog shows it, not the operations bar), its result or its error kept
 * for the dialog to say.
 */
export function useNotesExport(): NotesExport {
  const [state, setState] = useState<NotesExportState>({ phase: 'idle' });
  const operationId = useRef<string | null>(null);

  const running = state.phase === 'running';
  useEffect(() => {
    if (!running) return;
    return subscribeNotebookEvents((event) => {
      if (event.type !== 'progress' || event.operationId !== operationId.current) return;
      setState((now) => (now.phase === 'running' ? { ...now, done: event.done } : now));
    });
  }, [running]);

  const start = useCallback(
    async (args: Omit<ApiArgs<'exportNotes'>, 'operationId'>, total: number) => {
      if (operationId.current) return;
      const id = newOperationId({ ownProgress: true });
      operationId.current = id;
      setState({ phase: 'running', done: 0, total });
      try {
        const exported = await api.exportNotes({ ...args, operationId: id });
        setState({ phase: 'finished', exported });
      } catch (error) {
        const message =
          isDossierError(error) && error.code === 'cancelled'
            ? 'The export was cancelled; nothing was left in the folder.'
            : errorMessage(error);
        setState({ phase: 'failed', message });
      } finally {
        operationId.current = null;
      }
    },
    [],
  );

  const cancel = useCallback(() => {
    const id = operationId.current;
    if (id) void api.cancelOperation({ operationId: id }).catch(() => undefined);
  }, []);

  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, start, cancel, reset };
}
