/**
 * Entry of the utility process that runs the core for the Electron window
 * (built beside main as out/main/coreProcess.js): Node with a message port to
 * main, none of main's windows or menus. Its configuration is its last argument.
 */
import type { HostMessage, CoreProcessConfig } from '../coreProcess/protocol';
import { serveCore } from '../coreProcess/serveCore';

const config = JSON.parse(process.argv.at(-1) ?? '{}') as CoreProcessConfig;
const port = process.parentPort;

serveCore(
  {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data as HostMessage)),
  },
  config,
);
