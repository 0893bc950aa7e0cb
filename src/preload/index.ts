/**
 * The sandboxed preload: exposes the contract's methods as named functions on
 * `window.dossier`, never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DossierBridge } from '../shared/api';
import {
  apiMethodNames,
  beforeCloseChannel,
  ipcChannel,
  readyToCloseChannel,
} from '../shared/apiMethodNames';

// One invoker per contract method; api.ts checks the name list is complete.
const methods = Object.fromEntries(
  apiMethodNames.map((method) => [
    method,
    (args: unknown) => ipcRenderer.invoke(ipcChannel(method), args),
  ]),
) as Omit<DossierBridge, 'onBeforeClose'>;

const bridge: DossierBridge = {
  ...methods,
  onBeforeClose(flush: () => Promise<void>): void {
    ipcRenderer.removeAllListeners(beforeCloseChannel);
    ipcRenderer.on(beforeCloseChannel, () => {
      flush()
        .catch((error: unknown) => console.error('Saving before close failed', error))
        .finally(() => ipcRenderer.send(readyToCloseChannel));
    });
  },
};

contextBridge.exposeInMainWorld('dossier', bridge);
