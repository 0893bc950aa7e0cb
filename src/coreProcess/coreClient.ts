/**
 * The host's side of a core running in another thread or process: numbers each
 * call, matches replies to calls, passes events on, logs slow calls, and fails
 * what is pending if the process goes away.
 */
import type { ApiResponse } from '../shared/api';
import { DossierError, type ErrorInfo } from '../shared/errors';
import type { CoreChannel } from './channel';
import { NotebookEventHub } from '../shared/notebookEventHub';
import type { HostPort } from './protocol';

/** A call slower than this is logged with its method name. */
export const SLOW_CALL_MS = 100;

interface Pending {
  method: string;
  startedAt: number;
  resolve(response: ApiResponse<unknown>): void;
}

export interface CoreClientOptions {
  /** Names the process in log lines ("writer", "reader"). */
  name: string;
  logSlowCall?: (line: string) => void;
}

/** Resolves once the core has opened the notebook; rejects with its reason if it could not. */
export function connectCore(port: HostPort, options: CoreClientOptions): Promise<CoreChannel> {
  const logSlowCall = options.logSlowCall ?? ((line) => console.warn(line));
  const pending = new Map<number, Pending>();
  const events = new NotebookEventHub();
  let nextId = 1;
  let stopped: ErrorInfo | undefined;

  const channel: CoreChannel = {
    call(method, args) {
      if (stopped) return Promise.resolve({ ok: false, error: stopped });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { method, startedAt: performance.now(), resolve });
        port.postMessage({ type: 'call', id, method, args });
      });
    },
    subscribe: (listener) => events.subscribe(listener),
    async close() {
      stopped ??= { code: 'internal', message: 'The notebook was closed.' };
      await port.terminate();
    },
  };

  return new Promise((resolve, reject) => {
    port.onMessage((message) => {
      switch (message.type) {
        case 'ready':
          return resolve(channel);
        case 'failed':
          stopped = message.error;
          return reject(new DossierError(message.error.code, message.error.message));
        case 'event':
          return events.emit(message.event);
        case 'reply': {
          const call = pending.get(message.id);
          if (!call) return;
          pending.delete(message.id);
          const took = performance.now() - call.startedAt;
          if (took > SLOW_CALL_MS) {
            logSlowCall(`dossier: ${call.method} took ${Math.round(took)} ms (${options.name})`);
          }
          return call.resolve(message.response);
        }
      }
    });
    port.onExit((code) => {
      stopped ??= {
        code: 'internal',
        message: `The notebook's ${options.name} process stopped (exit code ${code}).`,
      };
      for (const call of pending.values()) call.resolve({ ok: false, error: stopped });
      pending.clear();
      reject(new DossierError(stopped.code, stopped.message));
    });
  });
}
