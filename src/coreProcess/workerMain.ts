/** Entry of the worker thread that runs the core in browser mode (see workerThread.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { HostMessage, CoreProcessConfig } from './protocol';
import { serveCore } from './serveCore';

const port = parentPort;
if (port === null) throw new Error('workerMain runs only inside a worker thread');

serveCore(
  {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (message: HostMessage) => listener(message)),
  },
  workerData as CoreProcessConfig,
);
