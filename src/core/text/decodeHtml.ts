import { decodeAs } from './decodeAs';
import { chooseEncoding, usableEncoding } from './detectEncoding';

/** How far into a page its `<meta charset>` is looked for (the HTML standard's prescan reads 1024 bytes). */
const PRESCAN_BYTES = 1024;

/**
 * Decodes a web page much as a browser does: a byte order mark wins, then a
 * charset declared outside the page (an HTTP header), then the page's own
 * `<meta charset>` (a declaration the bytes are invalid in is passed over),
 * then UTF-8 when the bytes are valid UTF-8, then the encoding the detector
 * recognises; only when nothing fits, the declaration or else windows-1252
 * (what browsers assume). Every page decodes, at worst with replacement
 * characters, so the file's name is not needed.
 */
export function decodeHtml(bytes: Uint8Array, _fileName: string, declaredCharset?: string): string {
  const declarations = [
    usableEncoding(declaredCharset),
    usableEncoding(metaDeclaration(prescanMetaCharset(bytes))),
  ];
  const encoding =
    chooseEncoding(bytes, declarations, { markup: true }) ??
    declarations.find((declared) => declared !== null) ??
    'windows-1252';
  return decodeAs(bytes, encoding);
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

/** A page that could read its own `<meta>` as ASCII is not UTF-16, whatever it says: the standard reads UTF-8 then. */
function metaDeclaration(label: string | null): string | null {
  return label && /^\s*utf-16/i.test(label) ? 'utf-8' : label;
}
