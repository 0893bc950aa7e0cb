import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeNetworkError } from '../../src/core/fetch/describeNetworkError';
import { fetchPage, type FetchPageOptions } from '../../src/core/fetch/fetchPage';
import { DossierError } from '../../src/shared/errors';

/** "Привет, мир" in windows-1251. */
const CYRILLIC_PAGE = Buffer.concat([
  Buffer.from('<p>'),
  Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0]),
  Buffer.from('</p>'),
]);

const requests: http.IncomingHttpHeaders[] = [];

/** A small site on 127.0.0.1 with one path for each case. */
const server = http.createServer((request, response) => {
  requests.push(request.headers);
  const path = request.url ?? '/';
  const redirect = (status: number, location: string, headers: http.OutgoingHttpHeaders = {}) =>
    response.writeHead(status, { location, ...headers }).end();
  const chain = /^\/chain\/(\d+)$/.exec(path);
  if (chain) return redirect(302, `/chain/${Number(chain[1]) + 1}`);
  switch (path) {
    case '/page':
      return response
        .writeHead(200, { 'content-type': 'text/html; charset="windows-1251"' })
        .end(CYRILLIC_PAGE);
    case '/first':
      return redirect(301, '/second');
    case '/second':
      return redirect(307, `${base}/third`);
    case '/third':
      return redirect(308, 'page');
    case '/loop-a':
      return redirect(302, '/loop-b');
    case '/loop-b':
      return redirect(302, '/loop-a');
    case '/to-ftp':
      return redirect(302, 'ftp://example.com/file.txt');
    case '/to-file':
      return redirect(302, 'file:///etc/passwd');
    case '/sets-cookie':
      return redirect(302, '/headers', { 'set-cookie': 'session=secret; Path=/' });
    case '/headers':
      return response
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(JSON.stringify(request.headers));
    case '/no-type':
      return response.writeHead(200).end('# A heading');
    case '/image':
      return response.writeHead(200, { 'content-type': 'image/png' }).end('not really');
    case '/big-by-length':
      return response
        .writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' })
        .end('x'.repeat(5000));
    case '/big-by-streaming': {
      response.writeHead(200, { 'content-type': 'text/plain' }); // no length: chunked
      let sent = 0;
      const more = () => {
        if (sent++ === 10 || response.destroyed) return response.end();
        response.write('y'.repeat(500), more);
      };
      return more();
    }
    case '/slow':
      return response.writeHead(200, { 'content-type': 'text/html' }).write('<p>Sta'); // never ends
    case '/unavailable':
      return response.writeHead(503, 'Service Unavailable').end();
    case '/private':
      return response.writeHead(403).end();
    default:
      return response.writeHead(404, 'Not Found').end('nothing here');
  }
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(url: string, options: FetchPageOptions = {}): Promise<DossierError> {
  try {
    await fetchPage(url, options);
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    return error as DossierError;
  }
  throw new Error(`expected fetching ${url} to fail`);
}

describe('fetchPage', () => {
  it('returns the bytes as sent, with the media type and the charset the header declares', async () => {
    const page = await fetchPage(`${base}/page`);
    expect(Buffer.from(page.bytes).equals(CYRILLIC_PAGE)).toBe(true);
    expect(page).toMatchObject({
      finalUrl: `${base}/page`,
      mediaType: 'text/html',
      charset: 'windows-1251',
    });
  });

  it('follows a chain of redirects (relative and absolute) to the last address', async () => {
    const page = await fetchPage(`${base}/first`);
    expect(page.finalUrl).toBe(`${base}/page`);
    expect(Buffer.from(page.bytes).equals(CYRILLIC_PAGE)).toBe(true);
  });

  it('takes a page that names no type, leaving it to the bytes', async () => {
    const page = await fetchPage(`${base}/no-type`);
    expect(page).toMatchObject({ mediaType: null, charset: null });
    expect(Buffer.from(page.bytes).toString()).toBe('# A heading');
  });

  it('stops at a redirect loop and after ten redirects', async () => {
    const loop = await failure(`${base}/loop-a`);
    expect(loop.code).toBe('unavailable');
    expect(loop.message).toContain('redirects in a loop');

    const endless = await failure(`${base}/chain/0`);
    expect(endless.code).toBe('unavailable');
    expect(endless.message).toContain(`${base}/chain/10 was reached after 10 redirects`);
  });

  it('refuses a redirect to an address that is not http or https', async () => {
    for (const [path, target] of [
      ['/to-ftp', 'ftp://example.com/file.txt'],
      ['/to-file', 'file:///etc/passwd'],
    ]) {
      const error = await failure(`${base}${path}`);
      expect(error.code).toBe('unsupported');
      expect(error.message).toContain(`redirects to ${target}, which is not an http or https`);
    }
  });

  it('sends a User-Agent naming Dossier, and never a cookie, even one the site just set', async () => {
    const page = await fetchPage(`${base}/sets-cookie`);
    const headers = JSON.parse(Buffer.from(page.bytes).toString()) as http.IncomingHttpHeaders;
    expect(headers['user-agent']).toContain('Dossier');
    expect(headers.cookie).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
  });

  it('says what an HTTP error status means, with the status', async () => {
    const missing = await failure(`${base}/missing`);
    expect(missing.code).toBe('not_found');
    expect(missing.message).toBe(
      `${base}/missing was not found (HTTP 404 Not Found). Check the address.`,
    );

    const down = await failure(`${base}/unavailable`);
    expect(down.code).toBe('unavailable');
    expect(down.message).toContain('HTTP 503 Service Unavailable');

    const forbidden = await failure(`${base}/private`);
    expect(forbidden.code).toBe('forbidden');
    expect(forbidden.message).toContain('HTTP 403');
  });

  it('refuses a kind of file Dossier does not import, naming its type', async () => {
    const error = await failure(`${base}/image`);
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('is image/png, which Dossier cannot import');
  });

  it('refuses a page over the size limit by its Content-Length and while it streams', async () => {
    const byLength = await failure(`${base}/big-by-length`, { maxBytes: 1000 });
    expect(byLength.code).toBe('too_large');
    expect(byLength.message).toContain(`${base}/big-by-length is`);

    const byStreaming = await failure(`${base}/big-by-streaming`, { maxBytes: 1000 });
    expect(byStreaming.code).toBe('too_large');

    const fits = await fetchPage(`${base}/big-by-streaming`, { maxBytes: 5000 });
    expect(fits.bytes.length).toBe(5000);
  });

  it('gives up on a server that is too slow, saying so', async () => {
    const started = Date.now();
    const error = await failure(`${base}/slow`, { timeoutMs: 300 });
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(
      `127.0.0.1:${new URL(base).port} did not send ${base}/slow within 0.3 seconds; try again later.`,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops when cancelled, before or while it fetches', async () => {
    const before = new AbortController();
    before.abort();
    expect((await failure(`${base}/page`, { signal: before.signal })).code).toBe('cancelled');

    const during = new AbortController();
    setTimeout(() => during.abort(), 100);
    const error = await failure(`${base}/slow`, { signal: during.signal });
    expect(error.code).toBe('cancelled');
    expect(error.message).toBe(`Fetching ${base}/slow was cancelled; nothing was imported.`);
  });

  it('says plainly that a closed port cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const error = await failure(`http://127.0.0.1:${port}/`);
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(
      `Could not reach 127.0.0.1:${port}: it refused the connection. Check the address (and the port, if it has one).`,
    );
  });

  it('refuses addresses that are not http or https, or that carry credentials, before any request', async () => {
    const before = requests.length;
    for (const url of [
      'ftp://example.com/file.txt',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not an address',
      `http://user:secret@127.0.0.1:${new URL(base).port}/page`,
    ]) {
      expect((await failure(url)).code, url).toBe('invalid_argument');
    }
    expect(requests.length).toBe(before);
  });
});

describe('describeNetworkError', () => {
  it('calls a failed name lookup offline or a wrong address', () => {
    const lookup = Object.assign(new Error('getaddrinfo ENOTFOUND example.com'), {
      code: 'ENOTFOUND',
    });
    expect(
      describeNetworkError(new TypeError('fetch failed', { cause: lookup }), 'example.com'),
    ).toBe(
      'Could not reach example.com: this computer seems to be offline or the address is wrong.',
    );
  });
});
