import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../shared/notebookEvents';
import { subscribeNotebookEvents } from '../api/client';
import { hasOwnProgress } from './newOperationId';

/** The long operations running now (this window's or the host's own), from their progress events; not those shown elsewhere. */
export function useOperations(): ProgressEvent[] {
  const [running, setRunning] = useState<ReadonlyMap<string, ProgressEvent>>(new Map());
  useEffect(
    () =>
      subscribeNotebookEvents((event) => {
        if (event.type !== 'progress' || hasOwnProgress(event.operationId)) return;
        setRunning((current) => {
          const next = new Map(current);
          if (event.state === 'running') next.set(event.operationId, event);
          else next.delete(event.operationId);
          return next;
        });
      }),
    [],
  );
  return [...running.values()];
}
