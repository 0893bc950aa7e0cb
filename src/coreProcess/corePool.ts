/**
 * Signal's model: one connection writes, another reads beside it (SQLite's WAL
 * lets a reader see the last commit while a write runs), so a search is
 * answered while a 20 MiB import is still being written. Calls are routed by
 * what the contract says each method is.
 */
import type { ApiResponse } from '../shared/api';
import { apiMethods } from '../shared/apiMethods';
import { isApiMethod } from '../core/dispatch';
import type { CoreChannel } from './channel';
import { NotebookEventHub } from '../shared/notebookEventHub';

/** Starts the writer, which opens and upgrades the notebook, and then the reader. */
export async function startCorePool(
  start: (role: 'writer' | 'reader') => Promise<CoreChannel>,
): Promise<CoreChannel> {
  const writer = await start('writer');
  let reader: CoreChannel;
  try {
    reader = await start('reader');
  } catch (error) {
    await writer.close();
    throw error;
  }
  const events = new NotebookEventHub();
  for (const channel of [writer, reader]) channel.subscribe((event) => events.emit(event));

  // An unknown method goes to the reader, whose dispatch answers not_found.
  const kindOf = (method: string) => (isApiMethod(method) ? apiMethods[method].kind : 'query');

  return {
    async call(method, args): Promise<ApiResponse<unknown>> {
      switch (kindOf(method)) {
        // A host method reaching the cores is answered by dispatch: only the host can run it.
        case 'host':
        case 'mutation':
          return writer.call(method, args);
        case 'query':
          return reader.call(method, args);
        case 'control': {
          // A cancel reaches both; the one running the operation stops it.
          const answers = await Promise.all([writer.call(method, args), reader.call(method, args)]);
          return (
            answers.find((answer) => answer.ok && isCancelled(answer.value)) ??
            answers.find((answer) => !answer.ok) ??
            answers[0]!
          );
        }
      }
    },
    subscribe: (listener) => events.subscribe(listener),
    async close() {
      await Promise.all([reader.close(), writer.close()]);
    },
  };
}

function isCancelled(value: unknown): boolean {
  return (value as { cancelled?: boolean } | undefined)?.cancelled === true;
}
