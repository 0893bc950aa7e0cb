import { DossierError, isDossierError } from '../../shared/errors';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../../shared/importLimits';
import { isImportableMediaType, parseContentType } from './contentType';
import { describeNetworkError } from './describeNetworkError';

export interface FetchPageOptions {
  signal?: AbortSignal;
  /** Larger bodies are refused (MAX_IMPORT_BYTES unless told otherwise). */
  maxBytes?: number;
  /** For the whole fetch, redirects and body included (30 s unless told otherwise). */
  timeoutMs?: number;
}

export interface FetchedPage {
  bytes: Uint8Array;
  /** The address the bytes came from, after redirects. */
  finalUrl: string;
  /** The charset the Content-Type header declares, as written there. */
  charset: string | null;
  /** The Content-Type's `type/subtype`, lower-cased; null when the server sent none. */
  mediaType: string | null;
}

const MAX_REDIRECTS = 10;
const DEFAULT_TIMEOUT_MS = 30_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'Mozilla/5.0 (compatible; Dossier research notebook)';
const ACCEPT =
  'text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.9,application/pdf;q=0.9,*/*;q=0.1';

/**
 * Downloads a page to import: http and https only, redirects followed one by
 * one (each checked the same way), no cookies or credentials sent, and
 * refused early when it is too large, too slow, an HTTP error or a kind of
 * file Dossier does not import.
 */
export async function fetchPage(
  url: string,
  { signal, maxBytes = MAX_IMPORT_BYTES, timeoutMs = DEFAULT_TIMEOUT_MS }: FetchPageOptions = {},
): Promise<FetchedPage> {
  let address = webAddress(url);
  const timeout = AbortSignal.timeout(timeoutMs);
  const stop = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const visited = new Set<string>();
    for (;;) {
      visited.add(address.href);
      const response = await fetch(address, {
        redirect: 'manual',
        credentials: 'omit',
        headers: { 'User-Agent': USER_AGENT, Accept: ACCEPT },
        signal: stop,
      });
      if (!REDIRECT_STATUSES.has(response.status)) {
        return await readPage(response, address.href, maxBytes);
      }
      await response.body?.cancel();
      address = redirectTarget(response, address, visited);
    }
  } catch (error) {
    if (signal?.aborted) {
      throw new DossierError('cancelled', `Fetching ${url} was cancelled; nothing was imported.`);
    }
    if (timeout.aborted) {
      throw new DossierError(
        'unavailable',
        `${address.host} did not send ${address.href} within ${timeoutMs / 1000} seconds; try again later.`,
      );
    }
    if (isDossierError(error)) throw error;
    throw new DossierError('unavailable', describeNetworkError(error, address.host));
  }
}

/** The address as a URL, when it is an http or https address without credentials. */
function webAddress(url: string): URL {
  let address: URL;
  try {
    address = new URL(url.trim());
  } catch {
    throw new DossierError('invalid_argument', `${url} is not a web address.`);
  }
  if (address.protocol !== 'http:' && address.protocol !== 'https:') {
    throw new DossierError(
      'invalid_argument',
      `${url} is not a web address: only http and https addresses can be imported.`,
    );
  }
  if (address.username || address.password) {
    throw new DossierError(
      'invalid_argument',
      `${address.host} is given with a user name or password; Dossier sends no credentials. Remove them from the address.`,
    );
  }
  return address;
}

function redirectTarget(response: Response, from: URL, visited: ReadonlySet<string>): URL {
  const location = response.headers.get('location');
  if (!location) {
    throw new DossierError(
      'unavailable',
      `${from.href} answered with a redirect (HTTP ${response.status}) to nowhere.`,
    );
  }
  const target = new URL(location, from);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new DossierError(
      'unsupported',
      `${from.href} redirects to ${target.href}, which is not an http or https address; Dossier fetches only those.`,
    );
  }
  if (visited.has(target.href)) {
    throw new DossierError(
      'unavailable',
      `${from.href} redirects in a loop; it cannot be fetched.`,
    );
  }
  if (visited.size > MAX_REDIRECTS) {
    throw new DossierError(
      'unavailable',
      `${from.href} was reached after ${MAX_REDIRECTS} redirects and redirects again; Dossier stops there.`,
    );
  }
  return target;
}

async function readPage(response: Response, url: string, maxBytes: number): Promise<FetchedPage> {
  if (!response.ok) {
    await response.body?.cancel();
    throw httpError(response, url);
  }
  const { mediaType, charset } = parseContentType(response.headers.get('content-type'));
  if (!isImportableMediaType(mediaType)) {
    await response.body?.cancel();
    throw new DossierError(
      'unsupported',
      `${url} is ${mediaType}, which Dossier cannot import; web pages, text, Markdown and PDF can be.`,
    );
  }
  const declaredLength = Number(response.headers.get('content-length'));
  if (declaredLength > maxBytes) {
    await response.body?.cancel();
    throw tooLargeToImport(url, declaredLength);
  }
  return { bytes: await readBody(response, url, maxBytes), finalUrl: url, charset, mediaType };
}

/** The body, stopped as soon as it grows past the limit (a Content-Length can be missing or wrong). */
async function readBody(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    received += value.length;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLargeToImport(url, received);
    }
    chunks.push(value);
  }
}

function httpError(response: Response, url: string): DossierError {
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (response.status === 404 || response.status === 410) {
    return new DossierError('not_found', `${url} was not found (${status}). Check the address.`);
  }
  if (response.status === 401 || response.status === 403 || response.status === 451) {
    return new DossierError(
      'forbidden',
      `${url} refused to send the page (${status}); it may need a login, which Dossier does not do.`,
    );
  }
  return new DossierError(
    'unavailable',
    `${url} could not be fetched (${status}); try again later.`,
  );
}
