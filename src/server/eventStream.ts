/**
 * The notebook's events for one browser window, as Server-Sent Events: each
 * event is one `data:` line of JSON. A comment line every few seconds keeps
 * idle connections from being dropped along the way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreChannel } from '../coreProcess/channel';
import type { NotebookEvent } from '../shared/notebookEvents';

const KEEP_ALIVE_MS = 15_000;

export function streamEvents(
  request: IncomingMessage,
  response: ServerResponse,
  core: CoreChannel,
): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  // Sent at once, so the window knows it is listening from now on.
  response.write(': listening\n\n');
  const send = (event: NotebookEvent) => response.write(`data: ${JSON.stringify(event)}\n\n`);
  const unsubscribe = core.subscribe(send);
  const keepAlive = setInterval(() => response.write(': still here\n\n'), KEEP_ALIVE_MS);
  request.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}
