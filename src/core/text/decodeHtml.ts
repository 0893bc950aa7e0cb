import { DossierError } from '../../shared/errors';

/** How far into a page its `<meta charset>` is looked for (the HTML standard's prescan reads 1024 bytes). */
const PRESCAN_BYTES = 1024;

/**
 * Decodes a web page the way a browser does: a byte order mark wins, then a
 * charset declared outside the page (an HTTP header), then the page's own
 * `<meta charset>`, then UTF-8 when the bytes are valid UTF-8, and
 * windows-1252 (what browsers assume) when nothing else fits.
 */
export function decodeHtml(bytes: Uint8Array, fileName: string, declaredCharset?: string): string {
  const encoding =
    encodingOfBom(bytes) ??
    usableEncoding(declaredCharset) ??
    usableEncoding(prescanMetaCharset(bytes)) ??
    (isValidUtf8(bytes) ? 'utf-8' : 'windows-1252');
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    throw new DossierError('unsupported', `${fileName} could not be decoded as ${encoding}.`);
  }
}

function encodingOfBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** A label TextDecoder knows, as its canonical name; a page cannot declare itself UTF-16 (it would not be ASCII-readable). */
export function usableEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

/** The charset a page declares in its first kilobyte: `<meta charset>` or `<meta http-equiv content="…; charset=…">`. */
export function prescanMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1]!;
  }
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
