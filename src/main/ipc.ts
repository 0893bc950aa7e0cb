/** Maps every contract method onto `ipcMain.handle`, forwarded to the core's processes. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResponse } from '../shared/api';
import { apiMethodNames, ipcChannel } from '../shared/apiMethods';
import type { CoreChannel } from '../coreProcess/channel';
import { isTrustedIpcSender, type IpcSenderFrame } from './urlPolicy';

/** The sender's frame as the pure policy sees it; undefined once the frame is gone. */
function senderFrameOf(event: IpcMainInvokeEvent): IpcSenderFrame | undefined {
  const frame = event.senderFrame;
  if (!frame || frame.isDestroyed()) return undefined;
  return { url: frame.url, isTopFrame: frame.parent === null };
}

export function registerIpc(ipcMain: IpcMain, core: CoreChannel, getAppUrl: () => string): void {
  for (const method of apiMethodNames) {
    ipcMain.handle(ipcChannel(method), (event, args: unknown): Promise<ApiResponse<unknown>> => {
      if (!isTrustedIpcSender(senderFrameOf(event), getAppUrl())) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'forbidden',
            message: 'Dossier answers only its own window: this page may not use the notebook.',
          },
        });
      }
      return core.call(method, args);
    });
  }
}
