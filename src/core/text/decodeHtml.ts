import { decodeAs } from './decodeAs';
import { refuseBinary, refuseControlCharacters, utf16Encoding } from './decode';
import { chooseEncoding, encodingOfBom, usableEncoding } from './detectEncoding';

/** How far into a page its `<meta charset>` is looked for (the HTML standard's prescan reads 1024 bytes). */
const PRESCAN_BYTES = 1024;

/**
 * Decodes a web page much as a browser does: a byte order mark wins, then a
 * charset declared outside the page (an HTTP header), then the page's own
 * `<meta charset>` (a declaration the bytes are invalid in is passed over),
 * then UTF-8 when the bytes are valid UTF-8, then the encoding the detector
 * recognises; only when nothing fits, the declaration or else windows-1252
 * (what browsers assume). A binary file (an image, an archive, bytes with
 * NULs or mostly control characters) is refused, whatever its name says.
 */
export function decodeHtml(bytes: Uint8Array, fileName: string, declaredCharset?: string): string {
  const declarations = [
    usableEncoding(declaredCharset),
    usableEncoding(metaDeclaration(prescanMetaCharset(bytes))),
  ];
  if (!utf16Encoding(encodingOfBom(bytes)) && !utf16Encoding(declarations[0] ?? null)) {
    refuseBinary(bytes, fileName);
  }
  const encoding =
    chooseEncoding(bytes, declarations, { markup: true }) ??
    declarations.find((declared) => declared !== null) ??
    'windows-1252';
  const html = decodeAs(bytes, encoding);
  refuseControlCharacters(html, fileName);
  return html;
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
