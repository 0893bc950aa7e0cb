/** Maps every contract method onto `ipcMain.handle`, forwarded to the core's processes. */
import type { IpcMain } from 'electron';
import type { ApiResponse } from '../shared/api';
import { apiMethodNames, ipcChannel } from '../shared/apiMethods';
import type { CoreChannel } from '../coreProcess/channel';
import { isTrustedSender } from './security';

export function registerIpc(ipcMain: IpcMain, core: CoreChannel, getAppUrl: () => string): void {
  for (const method of apiMethodNames) {
    ipcMain.handle(ipcChannel(method), (event, args: unknown): Promise<ApiResponse<unknown>> => {
      if (!isTrustedSender(event.senderFrame?.url, getAppUrl())) {
        return Promise.resolve({
          ok: false,
          error: { code: 'forbidden', message: 'Untrusted caller' },
        });
      }
      return core.call(method, args);
    });
  }
}
