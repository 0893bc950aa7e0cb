import { stopIfCancelled, yieldToHost } from '../operations';
import type { WritableDB } from './openDatabase';

/** How long one attempt waits for another connection's write lock before listening again. */
const ATTEMPT_WAIT_MS = 100;

/**
 * Runs one step of long background work in an IMMEDIATE transaction. While
 * another process holds the write lock (a large import from the CLI), the step
 * waits instead of failing, in short attempts, so that a cancel is still heard.
 */
export async function whenWritable<T>(
  db: WritableDB,
  step: () => T,
  { signal, cancelled }: { signal: AbortSignal | undefined; cancelled: string },
): Promise<T> {
  for (;;) {
    stopIfCancelled(signal, cancelled);
    const usualWait = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma(`busy_timeout = ${ATTEMPT_WAIT_MS}`);
    try {
      return db.transaction(step).immediate();
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
    } finally {
      db.pragma(`busy_timeout = ${usualWait}`);
    }
    await yieldToHost();
  }
}
