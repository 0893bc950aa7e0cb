import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/createCore';
import type { CoreChannel } from '../../src/coreProcess/channel';
import { createCoreEndpoint } from '../../src/coreProcess/coreEndpoint';
import { startServer, type RunningServer } from '../../src/server/server';
import { contentSecurityPolicy } from '../../src/shared/contentSecurityPolicy';

/** A policy as directive name → its sources. */
function directives(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) parsed.set(name, sources);
  }
  return parsed;
}

const policy = directives(contentSecurityPolicy);

describe('the renderer content security policy', () => {
  it('never lets strings become code', () => {
    for (const [name, sources] of policy) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain("'wasm-unsafe-eval'");
    }
  });

  it("runs only the app's own script files: no inline, remote or data: scripts", () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.has('script-src-elem') || policy.has('script-src-attr')).toBe(false);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is the one index.html carries in its meta tag (where frame-ancestors cannot go)', () => {
    const html = readFileSync(
      path.join(import.meta.dirname, '../../src/renderer/index.html'),
      'utf8',
    );
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const headerWithoutFrameAncestors = new Map(policy);
    headerWithoutFrameAncestors.delete('frame-ancestors');
    expect(directives(meta!)).toEqual(headerWithoutFrameAncestors);
  });
});

describe('browser mode sends the policy', () => {
  let folder: string;
  let core: CoreChannel;
  let server: RunningServer;
  const htmlPaths = ['/', '/index.html', '/help/shortcuts.html'];

  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'dossier-csp-'));
    const rendererDir = path.join(folder, 'renderer');
    mkdirSync(path.join(rendererDir, 'help'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title>');
    writeFileSync(
      path.join(rendererDir, 'help', 'shortcuts.html'),
      '<!doctype html><title>Keys</title>',
    );
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

  function headersOf(method: string, urlPath: string) {
    return new Promise<{ status: number; contentType?: string; policy?: string }>(
      (resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: server.port, method, path: urlPath },
          (res) => {
            res.resume();
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                contentType: res.headers['content-type'],
                policy: res.headers['content-security-policy'] as string | undefined,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
  }

  it('as a header on every HTML response, GET and HEAD', async () => {
    for (const method of ['GET', 'HEAD']) {
      for (const urlPath of htmlPaths) {
        const reply = await headersOf(method, urlPath);
        expect(reply, `${method} ${urlPath}`).toEqual({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          policy: contentSecurityPolicy,
        });
      }
    }
  });
});
