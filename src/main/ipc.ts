/** Maps every contract method onto `ipcMain.handle`, validated by the shared dispatcher. */
import type { IpcMain } from 'electron';
import type { ApiResponse, CoreApi } from '../shared/api';
import { apiMethodNames, ipcChannel } from '../shared/apiMethodNames';
import { dispatch } from '../core/dispatch';
import { isTrustedSender } from './security';

export function registerIpc(ipcMain: IpcMain, core: CoreApi, getAppUrl: () => string): void {
  for (const method of apiMethodNames) {
    ipcMain.handle(ipcChannel(method), (event, args: unknown): ApiResponse<unknown> => {
      if (!isTrustedSender(event.senderFrame?.url, getAppUrl())) {
        return { ok: false, error: { code: 'forbidden', message: 'Untrusted caller' } };
      }
      return dispatch(core, method, args);
    });
  }
}
