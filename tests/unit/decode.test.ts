import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTextFile, firstInvalidUtf8Offset } from '../../src/core/text/decode';
import { DossierError } from '../../src/shared/errors';
import { MAX_IMPORT_BYTES } from '../../src/shared/importLimits';

const fixtures = path.resolve(__dirname, '../fixtures');

function decodeError(bytes: Uint8Array, fileName = 'input.txt'): DossierError {
  try {
    decodeTextFile(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    return error as DossierError;
  }
  throw new Error('expected decodeTextFile to refuse the input');
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeTextFile', () => {
  it('decodes UTF-8, keeping the text as it is', () => {
    expect(decodeTextFile(utf8('Café — كَتَبَ 软件包 🎉\n'), 'a.txt')).toBe(
      'Café — كَتَبَ 软件包 🎉\n',
    );
  });

  it('strips a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Title')]);
    expect(decodeTextFile(bytes, 'a.txt')).toBe('Title');
  });

  it('decodes UTF-16 LE and BE with a byte order mark', () => {
    const text = 'Hé 软 🎉';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeTextFile(le, 'le.txt')).toBe(text);
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'be.txt')).toBe(text);
  });

  it('refuses an empty file and a whitespace-only file', () => {
    const empty = decodeError(new Uint8Array(0), 'empty.txt');
    expect(empty.code).toBe('unsupported');
    expect(empty.message).toContain('empty.txt is empty');
    const blank = decodeError(utf8(' \n\t\r\n\u00a0 \n'), 'blank.txt');
    expect(blank.code).toBe('unsupported');
    expect(blank.message).toContain('only whitespace');
  });

  it('refuses a file over the size limit, naming the limit', () => {
    const error = decodeError(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), 'big.txt');
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('20 MiB');
  });

  it('accepts a file of exactly the size limit', () => {
    expect(decodeTextFile(new Uint8Array(MAX_IMPORT_BYTES).fill(0x61), 'max.txt')).toHaveLength(
      MAX_IMPORT_BYTES,
    );
  });

  it('says what a binary file looks like', () => {
    const png = decodeError(fs.readFileSync(path.join(fixtures, 'pixel.png')), 'pixel.png');
    expect(png.code).toBe('unsupported');
    expect(png.message).toBe('pixel.png looks like a PNG image, not text.');

    const samples: Array<[number[], string]> = [
      [[0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'a JPEG image'],
      [[...utf8('GIF89a'), 1, 0], 'a GIF image'],
      [[...utf8('%PDF-1.7\n%âãÏÓ\n')], 'a PDF document'],
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0], 'a ZIP archive'],
      [[0x1f, 0x8b, 0x08, 0], 'a gzip-compressed file'],
    ];
    for (const [bytes, looksLike] of samples) {
      expect(decodeError(new Uint8Array(bytes)).message).toContain(`looks like ${looksLike}`);
    }
  });

  it('refuses NUL bytes and text that is mostly control characters', () => {
    const nul = decodeError(utf8('abc\0def'));
    expect(nul.code).toBe('unsupported');
    expect(nul.message).toContain('offset 3');

    const controls = decodeError(utf8('a\x01\x02\x03b\x04\x05c'));
    expect(controls.code).toBe('unsupported');
    expect(controls.message).toContain('control characters');
  });

  it('keeps text with an occasional control character (a form feed, an escape)', () => {
    const text = `Page one\f\nPage two \x1b[1mbold\x1b[0m ${'and more text '.repeat(10)}`;
    expect(decodeTextFile(utf8(text), 'log.txt')).toBe(text);
  });

  it('refuses invalid UTF-8, naming the offset of the first bad byte', () => {
    const error = decodeError(fs.readFileSync(path.join(fixtures, 'latin1.txt')), 'latin1.txt');
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('offset 3');
    expect(error.message).toContain('UTF-8');
  });

  it('refuses UTF-16 that breaks off in the middle of a pair', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('ab', 'utf16le'),
      Buffer.from([0x3d, 0xd8]),
    ]);
    const error = decodeError(bytes);
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('is not valid UTF-16 LE');
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('finds overlong forms, surrogates, out-of-range and truncated sequences', () => {
    expect(firstInvalidUtf8Offset(utf8('ok é 软 🎉'))).toBe(-1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xc0, 0xaf]))).toBe(1); // overlong '/'
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2); // surrogate
    expect(firstInvalidUtf8Offset(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // > U+10FFFF
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xe8, 0xbd]))).toBe(1); // truncated
    expect(firstInvalidUtf8Offset(new Uint8Array([0x80]))).toBe(0); // lone continuation
  });
});
