/**
 * The inside of a worker thread or utility process that runs the core: opens
 * the notebook, then answers each call message and forwards every event.
 */
import { toErrorInfo } from '../shared/errors';
import { cancelAllOperations } from '../core/operations';
import { createCore, type Core } from '../core/createCore';
import type { CoreChannel } from './channel';
import { keepBackedUp } from '../core/backups/automaticBackups';
import { createCoreEndpoint } from './coreEndpoint';
import { useSqliteBinding } from '../core/db/sqliteConnection';
import type { CoreProcessConfig, CorePort } from './protocol';

export function serveCore(port: CorePort, config: CoreProcessConfig): CoreChannel | undefined {
  let core: Core;
  useSqliteBinding(config.nativeBinding);
  try {
    core = createCore(config.databaseFile, { readonly: config.role === 'reader' });
  } catch (error) {
    port.postMessage({ type: 'failed', error: toErrorInfo(error) });
    return undefined;
  }
  const endpoint = createCoreEndpoint(core, { watchExternalWrites: config.role === 'writer' });
  const underWay = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    underWay.add(work);
    void work.finally(() => underWay.delete(work));
    return work;
  };
  // The writer sees every change (its own and other processes'), so it keeps the backups.
  const backups =
    config.role === 'writer'
      ? keepBackedUp({
          databaseFile: core.databaseFile,
          backUp: (reason) => core.backUp(reason),
          subscribe: (listener) => endpoint.subscribe(listener),
          announce: (event) => port.postMessage({ type: 'event', event }),
        })
      : null;
  const channel: CoreChannel = {
    ...endpoint,
    call: (method, args) => track(endpoint.call(method, args)),
    /**
     * Stops the long operations, lets every call end and closes the notebook:
     * a thread ended in the middle of a (de)compression takes its whole
     * process down with it (Node aborts on a zlib stream closed before it was
     * set up), so it ends only once idle.
     */
    async close() {
      cancelAllOperations();
      await backups?.stop();
      while (underWay.size > 0) await Promise.allSettled([...underWay]);
      await endpoint.close();
    },
  };
  endpoint.subscribe((event) => port.postMessage({ type: 'event', event }));
  port.onMessage((message) => {
    if (message.type === 'close') {
      void channel.close().then(() => port.postMessage({ type: 'closed' }));
      return;
    }
    void channel
      .call(message.method, message.args)
      .then((response) => port.postMessage({ type: 'reply', id: message.id, response }));
  });
  port.postMessage({ type: 'ready' });
  if (config.role === 'writer' && core.searchIndexIsStale()) rebuildStaleIndex(channel);
  return channel;
}

/** The operation id under which the writer rebuilds an index made with older search keys. */
const SEARCH_INDEX_UPGRADE = 'search-index-upgrade';

/**
 * A notebook indexed by an older Dossier (its folding has changed since) is
 * re-indexed as soon as it opens, in the background: windows see the progress
 * and search works meanwhile, on the rows already done.
 */
function rebuildStaleIndex(endpoint: CoreChannel): void {
  void endpoint.call('rebuildSearchIndex', { operationId: SEARCH_INDEX_UPGRADE }).then((answer) => {
    if (!answer.ok && answer.error.code !== 'cancelled') {
      console.error(`dossier: the search index could not be rebuilt: ${answer.error.message}`);
    }
  });
}
