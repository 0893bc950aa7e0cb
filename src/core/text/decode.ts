import { DossierError } from '../../shared/errors';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../../shared/importLimits';
import { decodeAs } from './decodeAs';
import { chooseEncoding, encodingOfBom, usableEncoding } from './detectEncoding';
import { ascii, startsWithBytes, type BytePattern } from './magicBytes';

/** More control characters than this share of the text means it is not prose. */
const MAX_CONTROL_CHAR_SHARE = 0.1;

interface Signature {
  bytes: BytePattern;
  looksLike: string;
}

/** Magic numbers of common files people drop by mistake, to say what they look like. */
const SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], looksLike: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image' },
  { bytes: ascii('GIF87a'), looksLike: 'a GIF image' },
  { bytes: ascii('GIF89a'), looksLike: 'a GIF image' },
  {
    bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')],
    looksLike: 'a WebP image',
  },
  { bytes: ascii('%PDF-'), looksLike: 'a PDF document' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    looksLike: 'a ZIP archive (or a Word, OpenDocument or EPUB file)',
  },
  { bytes: [0x50, 0x4b, 0x05, 0x06], looksLike: 'an empty ZIP archive' },
  { bytes: [0x1f, 0x8b], looksLike: 'a gzip-compressed file' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], looksLike: 'a 7-Zip archive' },
  { bytes: [...ascii('Rar!'), 0x1a, 0x07], looksLike: 'a RAR archive' },
  { bytes: ascii('SQLite format 3\0'), looksLike: 'a SQLite database' },
  { bytes: [0x7f, ...ascii('ELF')], looksLike: 'a program (ELF executable)' },
];

/**
 * Turns an imported file's bytes into text, or explains why it cannot.
 * UTF-16 needs a byte order mark or a declared charset. Otherwise, once a
 * binary file is ruled out, the encoding is the BOM's, the declared one (an
 * HTTP header) when the bytes are valid in it, UTF-8 when they are valid
 * UTF-8, or a legacy encoding the detector recognises with confidence;
 * anything else is refused rather than stored as garbage.
 */
export function decodeTextFile(
  bytes: Uint8Array,
  fileName: string,
  declaredCharset?: string,
): string {
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLargeToImport(fileName, bytes.length);
  const text = decodeBytes(bytes, fileName, declaredCharset);
  if (text.trim() === '') {
    const what = bytes.length === 0 ? 'is empty' : 'contains only whitespace';
    throw new DossierError('unsupported', `${fileName} ${what}; there is nothing to import.`);
  }
  refuseControlCharacters(text, fileName);
  return text;
}

function decodeBytes(bytes: Uint8Array, fileName: string, declaredCharset?: string): string {
  const bom = encodingOfBom(bytes);
  const utf16 = utf16Encoding(bom) ?? utf16Encoding(usableEncoding(declaredCharset));
  if (utf16) {
    return decodeUtf16(bytes, utf16, fileName, bom ? 'byte order mark' : 'declared charset');
  }

  // Checked before guessing an encoding so a binary file is called binary, not badly encoded.
  refuseBinary(bytes, fileName);
  const encoding = chooseEncoding(bytes, [declaredCharset]);
  if (!encoding) {
    throw new DossierError(
      'unsupported',
      `${fileName} is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)}) ` +
        'and its encoding could not be recognised. Save it as UTF-8 and import it again.',
    );
  }
  // The decoder drops a UTF-8 BOM by itself.
  return decodeAs(bytes, encoding);
}

/**
 * Refuses bytes that are not text in an 8-bit or multi-byte encoding: a
 * known file signature (an image, an archive…) or a NUL byte. (UTF-16 text
 * holds NULs: it is told by its byte order mark first.)
 */
export function refuseBinary(bytes: Uint8Array, fileName: string): void {
  const signature = SIGNATURES.find((candidate) => startsWithBytes(bytes, candidate.bytes));
  if (signature) {
    throw new DossierError(
      'unsupported',
      `${fileName} looks like ${signature.looksLike}, not text.`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new DossierError(
      'unsupported',
      `${fileName} contains a NUL byte at offset ${nul}; it looks like a binary file, not text.`,
    );
  }
}

export function utf16Encoding(encoding: string | null): 'utf-16le' | 'utf-16be' | null {
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? encoding : null;
}

function decodeUtf16(
  bytes: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
  fileName: string,
  saidBy: string,
): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const name = encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
    throw new DossierError(
      'unsupported',
      `${fileName} is not valid ${name}, although its ${saidBy} says it is.`,
    );
  }
}

/** Refuses decoded text that is mostly control characters: a binary file that happened to decode. */
export function refuseControlCharacters(text: string, fileName: string): void {
  // Only UTF-16 text can still hold NULs here; UTF-8 bytes were checked already.
  if (text.includes('\0')) {
    throw new DossierError(
      'unsupported',
      `${fileName} contains NUL characters; it looks like a binary file, not text.`,
    );
  }
  const share = countControlCharacters(text) / text.length;
  if (share > MAX_CONTROL_CHAR_SHARE) {
    throw new DossierError(
      'unsupported',
      `${fileName} is ${Math.round(share * 100)}% control characters; it looks like a binary file, not text.`,
    );
  }
}

/** C0 and C1 controls other than tab, line feed, vertical tab, form feed and carriage return. */
function countControlCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && (code < 0x09 || code > 0x0d)) || (code >= 0x7f && code <= 0x9f)) count++;
  }
  return count;
}

/** Where strict UTF-8 decoding fails (RFC 3629: no overlong forms, surrogates or values above U+10FFFF). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    let length: number;
    let min = 0x80; // the smallest valid second byte
    let max = 0xbf; // the largest valid second byte
    if (lead < 0x80) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0; // overlong
      if (lead === 0xed) max = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90; // overlong
      if (lead === 0xf4) max = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      const low = k === 1 ? min : 0x80;
      const high = k === 1 ? max : 0xbf;
      if (next < low || next > high) return i;
    }
    i += length;
  }
  return -1;
}
