/**
 * Long operations in this process: each runs under an id its caller chose, with
 * an AbortSignal a cancel request trips, and reports its progress as events.
 */
import type { OperationContext } from '../shared/api';
import type { ApiMethodName } from '../shared/apiMethods';
import { DossierError, toErrorInfo } from '../shared/errors';
import type { ProgressEvent } from '../shared/notebookEvents';

/** Progress is reported at most this often (and always at the start and the end). */
const PROGRESS_INTERVAL_MS = 100;

const running = new Map<string, AbortController>();

/** For calls that are not long: nothing to report, never cancelled. */
export const quietOperation: OperationContext = {
  signal: new AbortController().signal,
  progress: () => undefined,
};

export interface OperationRun {
  method: ApiMethodName;
  /** Without one, the operation cannot be followed or cancelled, but still runs. */
  operationId: string | undefined;
  report(event: ProgressEvent): void;
}

export async function runOperation<T>(
  { method, operationId, report }: OperationRun,
  work: (operation: OperationContext) => Promise<T>,
): Promise<T> {
  if (operationId === undefined) return work(quietOperation);
  if (running.has(operationId)) {
    throw new DossierError('conflict', `An operation named ${operationId} is already running.`);
  }
  const controller = new AbortController();
  running.set(operationId, controller);
  let done = 0;
  let total = 0;
  let lastReport = 0;
  const send = (state: ProgressEvent['state'], extra: Partial<ProgressEvent> = {}) =>
    report({ type: 'progress', operationId, method, state, done, total, ...extra });
  send('running');
  try {
    const result = await work({
      signal: controller.signal,
      progress(nowDone, nowTotal) {
        done = nowDone;
        total = nowTotal;
        const now = Date.now();
        if (now - lastReport < PROGRESS_INTERVAL_MS) return;
        lastReport = now;
        send('running');
      },
    });
    send(controller.signal.aborted ? 'cancelled' : 'finished');
    return result;
  } catch (error) {
    const info = toErrorInfo(error);
    send(info.code === 'cancelled' ? 'cancelled' : 'failed', { error: info });
    throw error;
  } finally {
    running.delete(operationId);
  }
}

/** Trips the operation's signal; false when no operation of that id runs in this process. */
export function cancelOperation(operationId: string): boolean {
  const controller = running.get(operationId);
  controller?.abort();
  return controller !== undefined;
}

/** Trips every running operation's signal: the notebook is about to close. */
export function cancelAllOperations(): void {
  for (const controller of running.values()) controller.abort();
}

/**
 * Throws `cancelled` with `message` (what was kept, what to do) once the
 * operation was asked to stop; long work calls it between steps.
 */
export function stopIfCancelled(signal: AbortSignal | undefined, message: string): void {
  if (signal?.aborted) throw new DossierError('cancelled', message);
}

/** Lets the process answer other messages (a cancel among them) between two steps of long work. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
