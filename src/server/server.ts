/**
 * Browser mode: the built renderer and the contract's methods over HTTP, on the
 * loopback interface only. Like Jupyter, each launch makes a secret token that
 * the printed URL carries in its fragment (never sent to the server, never
 * logged); every API call must present it. The Host check defeats DNS
 * rebinding; the Origin check refuses cross-site pages.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResponse } from '../shared/api';
import { errorKinds, type ErrorCode } from '../shared/errors';
import { MAX_IMPORT_BYTES } from '../shared/importLimits';
import { EVENTS_PATH } from '../shared/notebookEvents';
import type { CoreChannel } from '../coreProcess/channel';
import { streamEvents } from './eventStream';
import { serveStaticFile } from './staticFiles';

export const LOOPBACK_HOST = '127.0.0.1';
/** The largest importable file once base64-encoded (4/3), plus room for the JSON around it. */
const MAX_REQUEST_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024;

export interface ServerOptions {
  core: CoreChannel;
  /** Folder holding the built renderer (index.html and assets). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed only by tests; a fresh random token otherwise. */
  token?: string;
}

export interface RunningServer {
  /** The address to open, token included: `http://127.0.0.1:PORT/#token=TOKEN`. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expectedAuthorization = Buffer.from(`Bearer ${token}`);
  let allowedHosts = new Set<string>();

  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('dossier serve: request failed', error);
      if (!response.headersSent) sendError(response, 'internal', 'Internal error');
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      return sendError(response, 'forbidden', 'Host not allowed: use the loopback address');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.has(originHost(origin))) {
      return sendError(response, 'forbidden', 'Cross-origin requests are not allowed');
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (url.pathname === EVENTS_PATH && request.method === 'GET') {
      if (!isAuthorized(request.headers.authorization)) {
        return sendError(response, 'unauthorized', 'Missing or wrong token');
      }
      return streamEvents(request, response, options.core);
    }
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') {
        response.setHeader('Allow', 'POST');
        return sendError(response, 'invalid_argument', 'API calls use POST', 405);
      }
      if (!isAuthorized(request.headers.authorization)) {
        return sendError(response, 'unauthorized', 'Missing or wrong token');
      }
      return handleApiCall(request, response, decodeURIComponent(url.pathname.slice(5)));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(response, 'invalid_argument', 'Method not allowed', 405);
    }
    return serveStaticFile(options.rendererDir, url.pathname, request, response);
  }

  function isAuthorized(header: string | undefined): boolean {
    if (header === undefined) return false;
    const given = Buffer.from(header);
    return (
      given.length === expectedAuthorization.length && timingSafeEqual(given, expectedAuthorization)
    );
  }

  async function handleApiCall(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
  ): Promise<void> {
    const body = await readBody(request);
    if (body === undefined) {
      return sendError(response, 'too_large', `Request over ${MAX_REQUEST_BYTES} bytes`);
    }
    let args: unknown;
    try {
      args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(response, 'invalid_argument', 'The request body is not valid JSON');
    }
    const result = await options.core.call(method, args);
    sendJson(response, result.ok ? 200 : errorKinds[result.error.code].httpStatus, result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK_HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${LOOPBACK_HOST}:${port}`, `localhost:${port}`]);

  return {
    url: `http://${LOOPBACK_HOST}:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function originHost(origin: string): string {
  try {
    const parsed = new URL(origin);
    return parsed.protocol === 'http:' ? parsed.host : '';
  } catch {
    return '';
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, value: ApiResponse<unknown>): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

function sendError(
  response: ServerResponse,
  code: ErrorCode,
  message: string,
  status: number = errorKinds[code].httpStatus,
): void {
  sendJson(response, status, { ok: false, error: { code, message } });
}
