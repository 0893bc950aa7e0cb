/**
 * The renderer's only way to the core: every contract method as an async
 * function that resolves with the value or throws the shared DossierError (its
 * code says what kind of failure, its message is for the user). In Electron the
 * calls go through the preload bridge (`window.dossier`); in a browser (the
 * `dossier serve` host) they are `POST /api/<method>` requests.
 */
import type { ApiMethod, DossierApi, DossierBridge } from '../../shared/api';
import { apiMethodNames } from '../../shared/apiMethods';
import type { NotebookEvent } from '../../shared/notebookEvents';
import { DossierError } from '../../shared/errors';
import { listenToServerEvents } from './browserEvents';
import { browserTransport } from './browserTransport';
import { NotebookEventHub } from '../../shared/notebookEventHub';
import { changedEvent } from '../../shared/changedEvent';
import type { Transport } from './transport';

const notebookEvents = new NotebookEventHub();

function buildApi(transport: Transport): DossierApi {
  const api: Partial<Record<ApiMethod, (args: never) => Promise<unknown>>> = {};
  for (const method of apiMethodNames) {
    api[method] = async (args: never) => {
      const response = await transport(method, args);
      if (!response.ok) throw new DossierError(response.error.code, response.error.message);
      // This window hears of its own writes at once; the host tells the others.
      const changed = changedEvent(method, args, response.value);
      if (changed) notebookEvents.emit(changed);
      return response.value;
    };
  }
  // The loop above fills every method of the contract, each with its own types.
  return api as DossierApi;
}

function bridgeTransport(bridge: DossierBridge): Transport {
  // The bridge is keyed by the same method names; a generic call cannot keep the per-method link.
  return ((method: ApiMethod, args: unknown) =>
    (bridge[method] as (a: unknown) => Promise<unknown>)(args)) as Transport;
}

const bridge = window.dossier;

/** True inside the Electron window, false in a browser. */
export const isElectron = bridge !== undefined;

const forwardEvent = (event: NotebookEvent) => notebookEvents.emit(event);
if (bridge) bridge.onNotebookEvent(forwardEvent);
const serverEvents = bridge ? null : listenToServerEvents(forwardEvent);

/** Browser mode's calls, sent once the event stream has first answered (see browserEvents.ts). */
function afterEventsConnect(transport: Transport): Transport {
  const connected = serverEvents?.firstAttempt ?? Promise.resolve();
  return (method, args) => connected.then(() => transport(method, args));
}

export const api: DossierApi = buildApi(
  bridge ? bridgeTransport(bridge) : afterEventsConnect(browserTransport({ keepalive: false })),
);

/**
 * The same calls for use while the page is going away: in a browser they are
 * sent with `keepalive` so the request outlives the page.
 */
export const unloadSafeApi: DossierApi = isElectron
  ? api
  : buildApi(afterEventsConnect(browserTransport({ keepalive: true })));

/**
 * Every change and progress event of the notebook, whoever caused it (this
 * window, another window, the CLI), after where the long operations under
 * way stand; returns the unsubscribe.
 */
export function subscribeNotebookEvents(listener: (event: NotebookEvent) => void): () => void {
  return notebookEvents.subscribe(listener);
}

/** In Electron, main awaits `flush` before it closes the window. A no-op in a browser. */
export function registerBeforeClose(flush: () => Promise<void>): void {
  bridge?.onBeforeClose(flush);
}
