/**
 * The inside of a worker thread or utility process that runs the core: opens
 * the notebook, then answers each call message and forwards every event.
 */
import { toErrorInfo } from '../shared/errors';
import { createCore, type Core } from '../core/createCore';
import type { CoreChannel } from './channel';
import { createCoreEndpoint } from './coreEndpoint';
import type { CoreProcessConfig, CorePort } from './protocol';

export function serveCore(port: CorePort, config: CoreProcessConfig): CoreChannel | undefined {
  let core: Core;
  try {
    core = createCore(config.databaseFile, {
      readonly: config.role === 'reader',
      nativeBinding: config.nativeBinding,
    });
  } catch (error) {
    port.postMessage({ type: 'failed', error: toErrorInfo(error) });
    return undefined;
  }
  const endpoint = createCoreEndpoint(core, { watchExternalWrites: config.role === 'writer' });
  endpoint.subscribe((event) => port.postMessage({ type: 'event', event }));
  port.onMessage((message) => {
    void endpoint
      .call(message.method, message.args)
      .then((response) => port.postMessage({ type: 'reply', id: message.id, response }));
  });
  port.postMessage({ type: 'ready' });
  return endpoint;
}
