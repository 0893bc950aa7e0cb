/** What hosts push to every open window: what changed, and how long operations are going. */
import type { ApiMethodName, Topic } from './apiMethods';
import type { ErrorInfo } from './errors';

export interface ChangedEvent {
  type: 'changed';
  changed: Topic[];
  /**
   * With 'sources': the sources whose library entries the change touched
   * (added, changed, moved to or from the trash); absent when not known, and
   * then any may have changed.
   */
  sources?: string[];
}

export type OperationState = 'running' | 'finished' | 'failed' | 'cancelled';

export interface ProgressEvent {
  type: 'progress';
  /** Chosen by the caller (or the host, for work it starts itself); cancel with it. */
  operationId: string;
  method: ApiMethodName;
  state: OperationState;
  /** Units done of `total` (files, rows, checks, pages); total 0 while unknown. */
  done: number;
  total: number;
  error?: ErrorInfo;
}

export type NotebookEvent = ChangedEvent | ProgressEvent;

/** Browser mode: where a window listens for these events (Server-Sent Events, token required). */
export const EVENTS_PATH = '/api/events';
