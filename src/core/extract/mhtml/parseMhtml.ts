import { DossierError } from '../../../shared/errors';

/** A resource saved with the page: an image, a stylesheet, a frame. */
export interface MhtmlResource {
  /** Lower-cased `type/subtype` as the file declares it (not trusted for what the bytes are). */
  mediaType: string;
  bytes: Uint8Array;
}

export interface ParsedMhtml {
  /** The page: the first HTML part. */
  html: {
    bytes: Uint8Array;
    /** The charset its Content-Type declares, if any. */
    charset: string | null;
    /** Its Content-Location (else the file's Snapshot-Content-Location): where it was saved from. */
    location: string | null;
  };
  /** Every other part, under its Content-Location (as an absolute URL) and under `cid:` its Content-ID. */
  resources: Map<string, MhtmlResource>;
}

interface Headers {
  get(name: string): string | null;
}

interface Part {
  headers: Headers;
  /** The part's body as it stands in the file, one character per byte. */
  body: string;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Browsers nest at most a level or two (multipart/alternative in multipart/related). */
const MAX_NESTING = 8;

/**
 * Reads a web page saved as one file (MHTML, RFC 2557: what Chrome's "Save as
 * single file", Hunchly and Internet Explorer write): a MIME multipart/related
 * message whose first HTML part is the page and whose other parts are what it
 * showed. Nested multiparts are read too. The file is read as Latin-1 so each
 * character is one byte, whatever the parts' encodings.
 */
export function parseMhtml(bytes: Uint8Array, fileName: string): ParsedMhtml {
  const message = splitHeaders(Buffer.from(bytes).toString('latin1'));
  const parts = partsOf(message, fileName);

  const page = parts.find((part) => HTML_TYPES.has(contentType(part.headers).mediaType));
  if (!page) {
    throw new DossierError(
      'unsupported',
      `${fileName} holds no web page (no text/html part); it cannot be imported.`,
    );
  }
  const location =
    page.headers.get('content-location') ?? message.headers.get('snapshot-content-location');
  const resources = new Map<string, MhtmlResource>();
  for (const part of parts) {
    if (part === page) continue;
    const resource = { mediaType: contentType(part.headers).mediaType, bytes: decodeBody(part) };
    const address = absoluteAddress(part.headers.get('content-location'), location);
    if (address && !resources.has(address)) resources.set(address, resource);
    const id = part.headers.get('content-id')?.replace(/^\s*<|>\s*$/g, '');
    if (id) resources.set(`cid:${id}`, resource);
  }
  return {
    html: { bytes: decodeBody(page), charset: contentType(page.headers).charset, location },
    resources,
  };
}

/** The leaf parts of a multipart entity, in order (a nested multipart gives its own parts). */
function partsOf(entity: Part, fileName: string, depth = 0): Part[] {
  const { mediaType, boundary } = contentType(entity.headers);
  if (!mediaType.startsWith('multipart/') || !boundary) {
    throw new DossierError(
      'unsupported',
      `${fileName} is not a readable MHTML file: it has no multipart Content-Type with a boundary.`,
    );
  }
  if (depth > MAX_NESTING) {
    throw new DossierError(
      'unsupported',
      `${fileName} nests its parts more than ${MAX_NESTING} deep; it is no page a browser saved.`,
    );
  }
  return bodyParts(entity.body, boundary).flatMap((part) =>
    contentType(part.headers).mediaType.startsWith('multipart/')
      ? partsOf(part, fileName, depth + 1)
      : [part],
  );
}

/** The parts between the boundary's delimiter lines, up to its closing delimiter. */
function bodyParts(body: string, boundary: string): Part[] {
  const delimiter = new RegExp(`^--${escapeRegExp(boundary)}(--)?[ \\t]*\\r?$`, 'gm');
  const parts: Part[] = [];
  let partStart = -1;
  for (const match of body.matchAll(delimiter)) {
    if (partStart !== -1) {
      // The line break before a delimiter belongs to the delimiter.
      const partEnd = match.index - (body[match.index - 2] === '\r' ? 2 : 1);
      parts.push(splitHeaders(body.slice(partStart, Math.max(partStart, partEnd))));
    }
    partStart = match[1] ? -1 : match.index + match[0].length + 1;
    if (match[1]) break; // the closing delimiter
  }
  // A file cut short has no closing delimiter: its last part runs to the end.
  if (partStart !== -1 && partStart < body.length) parts.push(splitHeaders(body.slice(partStart)));
  return parts;
}

/** Headers up to the first empty line (continuation lines unfolded), then the body. */
function splitHeaders(entity: string): Part {
  const end = /\r?\n\r?\n/.exec(entity);
  const head = end ? entity.slice(0, end.index) : entity;
  const body = end ? entity.slice(end.index + end[0].length) : '';
  const fields = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
  }
  return { headers: { get: (name) => fields.get(name) ?? null }, body };
}

function contentType(headers: Headers): {
  mediaType: string;
  charset: string | null;
  boundary: string | null;
} {
  const [essence = '', ...parameters] = splitParameters(
    headers.get('content-type') ?? 'text/plain',
  );
  const values = new Map<string, string>();
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=');
    if (equals === -1) continue;
    const value = parameter.slice(equals + 1).trim();
    values.set(
      parameter.slice(0, equals).trim().toLowerCase(),
      /^".*"$/.test(value) ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value,
    );
  }
  return {
    mediaType: essence.trim().toLowerCase(),
    charset: values.get('charset') || null,
    boundary: values.get('boundary') || null,
  };
}

/** A header's `;`-separated pieces, leaving `;` inside quoted values alone. */
function splitParameters(header: string): string[] {
  return header.match(/(?:[^;"]|"(?:[^"\\]|\\.)*")+/g) ?? [];
}

function decodeBody({ headers, body }: Part): Uint8Array {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  if (encoding === 'base64') return Buffer.from(body, 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return Buffer.from(body, 'latin1'); // 7bit, 8bit, binary: the bytes as they are
}

/** RFC 2045 §6.7: `=XX` is a byte, `=` at a line's end joins it to the next, trailing blanks are padding. */
function decodeQuotedPrintable(body: string): Uint8Array {
  const text = body
    .replace(/[ \t]+(?=\r?\n|$)/g, '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(text, 'latin1');
}

/**
 * A Content-Location as the absolute address, without fragment, an image
 * reference resolves to; a relative one is taken against the page's.
 */
export function absoluteAddress(
  reference: string | null,
  pageLocation: string | null,
): string | null {
  if (!reference) return null;
  try {
    const url = new URL(reference.trim(), pageLocation ?? undefined);
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
