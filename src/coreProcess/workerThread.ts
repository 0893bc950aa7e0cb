/**
 * Browser mode's core: a pool of worker threads (one writer, two readers), so
 * the HTTP server's event loop never runs a query or an import itself; a
 * backup can replace the notebook under it (restorableCore).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CoreChannel } from './channel';
import { connectCore } from './coreClient';
import { startCorePool } from './corePool';
import { startRestorableCore } from './restorableCore';
import type { CoreMessage, CoreProcessConfig, HostMessage, HostPort } from './protocol';

export function startWorkerCore(databaseFile: string): Promise<CoreChannel> {
  return startRestorableCore(databaseFile, () =>
    startCorePool((role) =>
      connectCore(workerPort({ databaseFile, role }), { name: `${role} thread` }),
    ),
  );
}

function workerPort(config: CoreProcessConfig): HostPort {
  const worker = spawnWorker(config);
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', (message: CoreMessage) => listener(message)),
    onExit: (listener) => {
      worker.once('error', (error) => console.error('dossier: core thread failed', error));
      worker.once('exit', listener);
    },
    terminate: async () => {
      // An exited thread's threadId is -1.
      if (worker.threadId === -1) return;
      await closed(worker);
      await worker.terminate();
    },
  };
}

/** Past this, a core that has not closed (a long import without an operation id) is ended anyway. */
const CLOSE_TIMEOUT_MS = 10_000;

/**
 * Asks the core to close and waits until it has (see serveCore's close): Node
 * aborts the whole process when a thread is ended in the middle of a
 * (de)compression, which a core does all the time.
 */
function closed(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('exit', done);
      resolve();
    };
    const onMessage = (message: CoreMessage) => {
      if (message.type === 'closed') done();
    };
    const timer = setTimeout(done, CLOSE_TIMEOUT_MS);
    worker.on('message', onMessage).once('exit', done);
    worker.postMessage({ type: 'close' } satisfies HostMessage);
  });
}

/**
 * The worker runs this folder's workerMain with the same loader as this file:
 * from TypeScript sources (the CLI runs under tsx) the worker registers tsx first.
 */
function spawnWorker(config: CoreProcessConfig): Worker {
  const extension = path.extname(__filename);
  const entry = path.join(__dirname, `workerMain${extension}`);
  if (extension !== '.ts') return new Worker(entry, { workerData: config });
  const loader = path.join(__dirname, '../../bin/registerTsx.cjs');
  const code = `require(${JSON.stringify(loader)}).registerTsx().then(() => require(${JSON.stringify(entry)}));`;
  return new Worker(code, { eval: true, workerData: config });
}
