import { Listeners } from './listeners';
import type { NotebookEvent, ProgressEvent } from './notebookEvents';

/**
 * The listeners of a core's events. A new listener is told first where the
 * long operations under way stand, so a window that opens (or reconnects) in
 * the middle of one sees it at once rather than at its next step.
 */
export class NotebookEventHub {
  private readonly listeners = new Listeners<NotebookEvent>();
  private readonly running = new Map<string, ProgressEvent>();

  emit(event: NotebookEvent): void {
    if (event.type === 'progress') {
      if (event.state === 'running') this.running.set(event.operationId, event);
      else this.running.delete(event.operationId);
    }
    this.listeners.emit(event);
  }

  /** Returns the unsubscribe. */
  subscribe(listener: (event: NotebookEvent) => void): () => void {
    for (const event of this.running.values()) listener(event);
    return this.listeners.add(listener);
  }
}
