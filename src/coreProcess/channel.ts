/**
 * What a host (the HTTP server, Electron's main) holds to reach the notebook:
 * calls answered with the contract's response envelope, and the events
 * (changes, progress) every window should hear. The core may run in this
 * process, a worker thread or a utility process behind it.
 */
import type { ApiResponse } from '../shared/api';
import type { NotebookEvent } from '../shared/notebookEvents';

export interface CoreChannel {
  call(method: string, args: unknown): Promise<ApiResponse<unknown>>;
  /**
   * Calls `listener` with every event from now on, after the last progress of
   * each long operation under way. Returns the unsubscribe.
   */
  subscribe(listener: (event: NotebookEvent) => void): () => void;
  close(): Promise<void>;
}
