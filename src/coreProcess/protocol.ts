/**
 * The messages between a host and the core running in a worker thread or a
 * utility process. Everything in them is plain data (structured-clone safe).
 */
import type { ApiResponse } from '../shared/api';
import type { ErrorInfo } from '../shared/errors';
import type { NotebookEvent } from '../shared/notebookEvents';

/** What the process running the core is told when it starts. */
export interface CoreProcessConfig {
  databaseFile: string;
  /** One writer per notebook; readers answer queries beside it. */
  role: 'writer' | 'reader';
  /** A better-sqlite3 binding built for the runtime's ABI (Electron's), when not node_modules'. */
  nativeBinding?: string;
}

export interface CallMessage {
  type: 'call';
  id: number;
  method: string;
  args: unknown;
}

/**
 * Asks the core to stop its long operations, finish its calls and close the
 * notebook; it answers `closed`, after which its thread may end safely.
 */
export interface CloseMessage {
  type: 'close';
}

export type HostMessage = CallMessage | CloseMessage;

export type CoreMessage =
  | { type: 'ready' }
  /** The notebook could not be opened; the process ends after sending this. */
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'reply'; id: number; response: ApiResponse<unknown> }
  | { type: 'event'; event: NotebookEvent }
  | { type: 'closed' };

/** The host's end of the line to the core's process. */
export interface HostPort {
  postMessage(message: CallMessage): void;
  onMessage(listener: (message: CoreMessage) => void): void;
  /** Called once if the process ends (crashed, or after `failed`). */
  onExit(listener: (code: number) => void): void;
  terminate(): Promise<void>;
}

/** The core's end of the line, inside its worker thread or utility process. */
export interface CorePort {
  postMessage(message: CoreMessage): void;
  onMessage(listener: (message: HostMessage) => void): void;
}
