/**
 * Signal's model: one connection writes, others read beside it (SQLite's WAL
 * lets a reader see the last commit while a write runs), so a search is
 * answered while a 20 MiB import is still being written. Two readers, each
 * answering one query at a time: the queries waiting for one stay here and go
 * to the first reader free, so a long query (listing a library of 100,000
 * articles takes a second) never holds up the queries behind it while the
 * other reader can answer them. Calls are routed by what the contract says
 * each method is.
 */
import type { ApiResponse } from '../shared/api';
import { apiMethods } from '../shared/apiMethods';
import { isApiMethod } from '../core/dispatch';
import type { CoreChannel } from './channel';
import { NotebookEventHub } from '../shared/notebookEventHub';

const READERS = 2;

/** Starts the writer, which opens and upgrades the notebook, and then the readers. */
export async function startCorePool(
  start: (role: 'writer' | 'reader') => Promise<CoreChannel>,
): Promise<CoreChannel> {
  const writer = await start('writer');
  const starting = await Promise.allSettled(Array.from({ length: READERS }, () => start('reader')));
  const readers = starting.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failed = starting.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all([writer, ...readers].map((channel) => channel.close()));
    throw failed.reason;
  }
  const channels = [writer, ...readers];
  const events = new NotebookEventHub();
  for (const channel of channels) channel.subscribe((event) => events.emit(event));

  const busy = new Set<CoreChannel>();
  const waiting: Array<(reader: CoreChannel) => void> = [];
  /** A free reader, taken at once (the first when both are: its caches are the warm ones). */
  const takeReader = (): Promise<CoreChannel> => {
    const free = readers.find((reader) => !busy.has(reader));
    if (!free) return new Promise((resolve) => waiting.push(resolve));
    busy.add(free);
    return Promise.resolve(free);
  };
  /** Hands the reader to the query waiting longest, or frees it. */
  const giveBack = (reader: CoreChannel) => {
    const next = waiting.shift();
    if (next) next(reader);
    else busy.delete(reader);
  };
  async function query(method: string, args: unknown): Promise<ApiResponse<unknown>> {
    const reader = await takeReader();
    try {
      return await reader.call(method, args);
    } finally {
      giveBack(reader);
    }
  }

  // An unknown method goes to a reader, whose dispatch answers not_found.
  const kindOf = (method: string) => (isApiMethod(method) ? apiMethods[method].kind : 'query');

  return {
    async call(method, args): Promise<ApiResponse<unknown>> {
      switch (kindOf(method)) {
        // A host method reaching the cores is answered by dispatch: only the host can run it.
        case 'host':
        case 'mutation':
          return writer.call(method, args);
        case 'query':
          return query(method, args);
        case 'control': {
          // A cancel reaches every core; the one running the operation stops it.
          const answers = await Promise.all(channels.map((channel) => channel.call(method, args)));
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
      await Promise.all(channels.map((channel) => channel.close()));
    },
  };
}

function isCancelled(value: unknown): boolean {
  return (value as { cancelled?: boolean } | undefined)?.cancelled === true;
}
