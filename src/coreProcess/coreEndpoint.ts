/**
 * A core answering calls and telling its listeners what changed: after each
 * successful mutation the topics it declares (and the sources it touched, see
 * touchedSources), and every topic when another
 * process (the CLI, a second server) has written to the notebook file.
 */
import type { ApiResponse } from '../shared/api';
import { topics } from '../shared/apiMethods';
import type { NotebookEvent } from '../shared/notebookEvents';
import type { Core } from '../core/createCore';
import { dispatch, isApiMethod } from '../core/dispatch';
import type { CoreChannel } from './channel';
import { NotebookEventHub } from '../shared/notebookEventHub';
import { changedEvent } from '../shared/changedEvent';

/** How often the writer looks for commits made by other processes. */
const EXTERNAL_WRITE_POLL_MS = 400;

export interface EndpointOptions {
  /** Only the writing connection watches: a reader would see the writer's own commits. */
  watchExternalWrites: boolean;
}

export function createCoreEndpoint(core: Core, options: EndpointOptions): CoreChannel {
  const events = new NotebookEventHub();
  const emit = (event: NotebookEvent) => events.emit(event);

  let stopWatching = () => {};
  if (options.watchExternalWrites) {
    let seen = core.dataVersion();
    const timer = setInterval(() => {
      const now = core.dataVersion();
      if (now === seen) return;
      seen = now;
      // Another process wrote; what it changed is unknown, so everything is.
      emit({ type: 'changed', changed: [...topics] });
    }, EXTERNAL_WRITE_POLL_MS);
    stopWatching = () => clearInterval(timer);
  }

  return {
    async call(method: string, args: unknown): Promise<ApiResponse<unknown>> {
      const response = await dispatch(core, method, args, { onProgress: emit });
      const changed =
        response.ok && isApiMethod(method) ? changedEvent(method, args, response.value) : null;
      if (changed) emit(changed);
      return response;
    },
    subscribe: (listener) => events.subscribe(listener),
    async close() {
      stopWatching();
      core.close();
    },
  };
}
