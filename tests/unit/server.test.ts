import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/createCore';
import type { CoreChannel } from '../../src/coreProcess/channel';
import { createCoreEndpoint } from '../../src/coreProcess/coreEndpoint';
import type { NotebookEvent } from '../../src/shared/notebookEvents';
import { startServer, type RunningServer } from '../../src/server/server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  server: RunningServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const EVENT_TIMEOUT_MS = 5000;

/** An open Server-Sent Events stream: its `data:` events in order, parsed. */
interface EventStream {
  status: number;
  contentType: string | undefined;
  next(): Promise<NotebookEvent>;
  close(): void;
}

/** Resolves once the server has answered the GET (and so subscribed this stream). */
function openEventStream(server: RunningServer, headers: Record<string, string>) {
  return new Promise<EventStream>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: 'GET', path: '/api/events', headers },
      (res) => {
        const events: NotebookEvent[] = [];
        const waiting: Array<(event: NotebookEvent) => void> = [];
        let buffered = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffered += chunk;
          let end: number;
          while ((end = buffered.indexOf('\n\n')) !== -1) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            // Comment lines (": listening") carry no event.
            if (!block.startsWith('data: ')) continue;
            const event = JSON.parse(block.slice('data: '.length)) as NotebookEvent;
            const waiter = waiting.shift();
            if (waiter) waiter(event);
            else events.push(event);
          }
        });
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          next: () =>
            new Promise((resolveEvent, rejectEvent) => {
              const event = events.shift();
              if (event) return resolveEvent(event);
              const timer = setTimeout(
                () => rejectEvent(new Error('no event within 5 s')),
                EVENT_TIMEOUT_MS,
              );
              waiting.push((arrived) => {
                clearTimeout(timer);
                resolveEvent(arrived);
              });
            }),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode server', () => {
  let folder: string;
  let server: RunningServer;
  let core: CoreChannel;
  const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    send(server, {
      method: 'POST',
      path: `/api/${method}`,
      headers: {
        authorization: `Bearer ${server.token}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'dossier-server-'));
    const rendererDir = path.join(folder, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title>');
    writeFileSync(path.join(folder, 'secret.txt'), 'outside the renderer');
    core = createCoreEndpoint(createCore(path.join(folder, 'notebook.db')), {
      watchExternalWrites: false,
    });
    server = await startServer({ core, rendererDir, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    await core.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('listens on the loopback address with the token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers API calls that carry the token', async () => {
    const reply = await api('listSources', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses API calls without the token, or with a wrong one, with 401', async () => {
    const missing = await send(server, { method: 'POST', path: '/api/listSources', body: '{}' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).error.code).toBe('unauthorized');
    const wrong = await api('listSources', {}, { authorization: 'Bearer not-the-token' });
    expect(wrong.status).toBe(401);
  });

  it('refuses a Host header that is not the loopback address and port with 403', async () => {
    const rebound = await api('listSources', {}, { host: `evil.example:${server.port}` });
    expect(rebound.status).toBe(403);
    const otherPort = await api('listSources', {}, { host: `127.0.0.1:${server.port + 1}` });
    expect(otherPort.status).toBe(403);
    const page = await send(server, { path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses cross-origin callers even with the token', async () => {
    const reply = await api('listSources', {}, { origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
  });

  it('validates arguments before they reach the core', async () => {
    const reply = await api('getSource', { sourceId: 'DROP TABLE sources' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.code).toBe('invalid_argument');
    const unknown = await api('dropEverything', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const notJson = await send(server, {
      method: 'POST',
      path: '/api/listSources',
      headers: { authorization: `Bearer ${server.token}` },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
  });

  it('answers a missing id with 404 and the not_found code', async () => {
    const reply = await api('getSource', { sourceId: '999' });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No source with id 999' },
    });
  });

  it('answers refused input with the status of its error kind', async () => {
    const empty = await api('importText', { text: '   ' });
    expect(empty.status).toBe(415);
    expect(JSON.parse(empty.body).error.code).toBe('unsupported');
  });

  it('refuses the event stream without the token, or with a wrong one, with 401', async () => {
    const missing = await send(server, { path: '/api/events' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).error.code).toBe('unauthorized');
    const wrong = await send(server, {
      path: '/api/events',
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status).toBe(401);
    const foreign = await send(server, {
      path: '/api/events',
      headers: { authorization: `Bearer ${server.token}`, origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });

  it('streams a changed event to a window with the token after a mutation', async () => {
    const stream = await openEventStream(server, { authorization: `Bearer ${server.token}` });
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      // A query changes nothing and says nothing.
      expect((await api('listSources', {})).status).toBe(200);
      const imported = await api('importText', { text: 'Streamed\n\nan article' });
      expect(imported.status).toBe(200);
      expect(await stream.next()).toEqual({
        type: 'changed',
        changed: ['sources', 'passages'],
        sources: [(JSON.parse(imported.body) as { value: { sourceId: string } }).value.sourceId],
      });
    } finally {
      stream.close();
    }
  });

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const page = await send(server, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Dossier</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("object-src 'none'");
    for (const escape of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const reply = await send(server, { path: escape });
      expect(reply.status, escape).toBe(404);
      expect(reply.body).not.toContain('outside the renderer');
    }
  });

  it('only accepts POST for API calls', async () => {
    const reply = await send(server, {
      path: '/api/listSources',
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(reply.status).toBe(405);
  });
});
