/**
 * Browser mode's side of the notebook's events: reads `dossier serve`'s
 * Server-Sent Events with fetch (EventSource cannot send the token header) and
 * reconnects when the stream drops. Events sent while no stream was open are
 * lost, so each reconnection counts as "everything changed". The first
 * connection does not: calls wait for it (`firstAttempt`), so nothing was
 * answered before it that it could have missed, and a large library's first
 * list is not read twice.
 */
import { topics } from '../../shared/apiMethods';
import { EVENTS_PATH, type NotebookEvent } from '../../shared/notebookEvents';
import { markUnauthorized } from './authState';
import { browserToken } from './browserToken';

const MAX_RETRY_DELAY_MS = 10_000;

export function listenToServerEvents(onEvent: (event: NotebookEvent) => void): {
  /** Settles once the first connection is open, or has failed. */
  firstAttempt: Promise<void>;
} {
  let failures = 0;
  let attempts = 0;
  let settleFirstAttempt = () => {};
  const firstAttempt = new Promise<void>((resolve) => (settleFirstAttempt = resolve));

  async function connect(): Promise<void> {
    const first = attempts++ === 0;
    try {
      const response = await fetch(EVENTS_PATH, {
        headers: { Authorization: `Bearer ${browserToken() ?? ''}` },
        cache: 'no-store',
      });
      if (response.status === 401) {
        settleFirstAttempt();
        return markUnauthorized();
      }
      if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
      failures = 0;
      document.documentElement.dataset.liveUpdates = 'on';
      if (!first) onEvent({ type: 'changed', changed: [...topics] });
      settleFirstAttempt();
      await readEvents(response.body, onEvent);
    } catch {
      failures += 1;
    }
    settleFirstAttempt();
    document.documentElement.dataset.liveUpdates = 'off';
    setTimeout(() => void connect(), Math.min(MAX_RETRY_DELAY_MS, 250 * 2 ** failures));
  }

  void connect();
  return { firstAttempt };
}

/** Each event is a block of lines ending in a blank line; its `data:` lines hold the JSON. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: NotebookEvent) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) !== -1) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data !== '') onEvent(JSON.parse(data) as NotebookEvent);
    }
  }
}
