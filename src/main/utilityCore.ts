/**
 * The Electron window's core: utility processes (one writer, two readers,
 * Actual's model), so main's thread only forwards envelopes and never waits
 * on SQLite — the window, its menus and the close-time flush stay responsive.
 * A backup can replace the notebook under them (restorableCore).
 */
import { utilityProcess, type UtilityProcess } from 'electron';
import path from 'node:path';
import type { CoreChannel } from '../coreProcess/channel';
import { connectCore } from '../coreProcess/coreClient';
import { startCorePool } from '../coreProcess/corePool';
import { startRestorableCore } from '../coreProcess/restorableCore';
import type { CoreMessage, CoreProcessConfig, HostPort } from '../coreProcess/protocol';

export function startUtilityCore(
  databaseFile: string,
  nativeBinding: string | undefined,
): Promise<CoreChannel> {
  return startRestorableCore(databaseFile, () =>
    startCorePool((role) =>
      connectCore(utilityPort({ databaseFile, role, nativeBinding }), { name: `${role} process` }),
    ),
  );
}

function utilityPort(config: CoreProcessConfig): HostPort {
  const child = utilityProcess.fork(
    path.join(__dirname, 'coreProcess.js'),
    [JSON.stringify(config)],
    { serviceName: `Dossier notebook ${config.role}`, stdio: 'inherit' },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: CoreMessage) => listener(message)),
    onExit: (listener) => child.once('exit', listener),
    terminate: () => stop(child, () => exited),
  };
}

function stop(child: UtilityProcess, hasExited: () => boolean): Promise<void> {
  if (hasExited()) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}
