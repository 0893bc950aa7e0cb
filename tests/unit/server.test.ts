import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/createCore';
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

describe('browser-mode server', () => {
  let folder: string;
  let server: RunningServer;
  let core: ReturnType<typeof createCore>;
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
    core = createCore(path.join(folder, 'notebook.db'));
    server = await startServer({ core, rendererDir, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    core.close();
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
    expect(JSON.parse(unknown.body).ok).toBe(false);
    const notJson = await send(server, {
      method: 'POST',
      path: '/api/listSources',
      headers: { authorization: `Bearer ${server.token}` },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
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
