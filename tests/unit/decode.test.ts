import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTextFile, firstInvalidUtf8Offset } from '../../src/core/text/decode';
import { decodeHtml } from '../../src/core/text/decodeHtml';
import { DossierError } from '../../src/shared/errors';
import { MAX_IMPORT_BYTES } from '../../src/shared/importLimits';

const fixtures = path.resolve(__dirname, '../fixtures');
const encodings = path.join(fixtures, 'encodings');

/** Each `<language>.<encoding>.txt` fixture with its encoding and the UTF-8 original it was written from. */
const legacyFixtures = fs
  .readdirSync(encodings)
  .map((file) => /^(.+)\.([\w-]+)\.txt$/.exec(file))
  .filter((match) => match !== null)
  .map(([file, language, encoding]) => ({
    file: file!,
    encoding: encoding!,
    bytes: fs.readFileSync(path.join(encodings, file!)),
    original: fs.readFileSync(path.join(encodings, 'originals', `${language}.txt`), 'utf8'),
  }));

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

function fixture(file: string) {
  const found = legacyFixtures.find((candidate) => candidate.file === file);
  if (!found) throw new Error(`no fixture ${file}`);
  return found;
}

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

  it('refuses bytes that are neither UTF-8 nor recognisably in another encoding, naming the first bad byte', () => {
    const error = decodeError(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b, 0x0a]));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      'input.txt is not valid UTF-8 (first bad byte at offset 3) and its encoding could not be ' +
        'recognised. Save it as UTF-8 and import it again.',
    );

    let seed = 7;
    const noise = Uint8Array.from({ length: 4000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return 1 + (seed % 255); // never NUL, so only the encoding can fail
    });
    expect(decodeError(noise).message).toContain('could not be recognised');
  });

  it('reads prose in legacy encodings: Arabic, Russian, Japanese, Korean, Chinese, Greek, Polish, French, German', () => {
    expect(legacyFixtures.length).toBe(14);
    for (const { file, bytes, original } of legacyFixtures) {
      expect(decodeTextFile(bytes, file), file).toBe(original);
    }
  });

  it('reads a short windows-1252 file with curly quotes', () => {
    const bytes = fs.readFileSync(path.join(fixtures, 'latin1.txt'));
    expect(decodeTextFile(bytes, 'latin1.txt')).toBe('Café society\n\nShe said “hello”.\n');
  });

  it('follows a declared charset the bytes are valid in, even where the detector could not tell', () => {
    const short = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b, 0x0a]);
    expect(decodeTextFile(short, 'a.txt', 'ISO-8859-1')).toBe('café ok\n');
    const koi8 = fixture('russian.koi8-r.txt');
    expect(decodeTextFile(koi8.bytes, koi8.file, ' koi8-r ')).toBe(koi8.original);
  });

  it('passes over a declared charset the bytes are invalid in (servers call everything UTF-8)', () => {
    const { file, bytes, original } = fixture('japanese.shift_jis.txt');
    expect(decodeTextFile(bytes, file, 'utf-8')).toBe(original);
    expect(decodeTextFile(bytes, file, 'no-such-charset')).toBe(original);
  });

  it('lets a byte order mark win over a declared charset', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Grüße')]);
    expect(decodeTextFile(bytes, 'a.txt', 'windows-1251')).toBe('Grüße');
  });

  it('decodes UTF-16 without a byte order mark when the charset is declared', () => {
    const bytes = Buffer.from('Hé 软 🎉 plain text', 'utf16le');
    expect(decodeTextFile(bytes, 'a.txt', 'utf-16le')).toBe('Hé 软 🎉 plain text');
    expect(decodeError(bytes).message).toContain('NUL byte');
  });

  it('still calls a binary file binary when a charset is declared', () => {
    const png = fs.readFileSync(path.join(fixtures, 'pixel.png'));
    expect(() => decodeTextFile(png, 'pixel.png', 'windows-1252')).toThrow(/looks like a PNG/);
    expect(() => decodeTextFile(utf8('abc\0def'), 'a.txt', 'windows-1251')).toThrow(/NUL byte/);
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

describe('decodeHtml', () => {
  /** A page around `body`, with a script and navigation in English that must not sway the detector. */
  const page = (body: Uint8Array, head = '') =>
    Buffer.concat([
      utf8(`<!doctype html><html><head>${head}<title>Page</title>`),
      utf8(
        `<script>${'window.analytics.track("page view", { section: "news" });\n'.repeat(100)}</script>`,
      ),
      utf8('<style>body { font-family: Georgia, serif; }</style></head><body>'),
      utf8(
        '<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About us</a></nav><p>',
      ),
      body,
      utf8('</p><footer>Copyright 2024 Example Media. All rights reserved.</footer></body></html>'),
    ]);
  const textOf = (html: string) => /<p>([\s\S]*)<\/p>/.exec(html)![1];

  it('recognises a legacy encoding nothing declares, instead of assuming windows-1252', () => {
    for (const name of [
      'russian.windows-1251.txt',
      'arabic.windows-1256.txt',
      'korean.euc-kr.txt',
    ]) {
      const { file, bytes, original } = fixture(name);
      expect(textOf(decodeHtml(page(bytes), file)), file).toBe(original);
    }
  });

  it('follows the HTTP charset, then the page’s <meta charset>', () => {
    const { bytes, original } = fixture('japanese.euc-jp.txt');
    const meta = '<meta charset="euc-jp">';
    expect(textOf(decodeHtml(page(bytes, meta), 'p.html'))).toBe(original);
    expect(textOf(decodeHtml(page(bytes, meta), 'p.html', 'EUC-JP'))).toBe(original);
    // A declaration the bytes are invalid in (the HTTP header's UTF-8) is passed over for the next.
    expect(textOf(decodeHtml(page(bytes, meta), 'p.html', 'utf-8'))).toBe(original);
  });

  it('reads a page that says it is UTF-16 in its <meta> as UTF-8', () => {
    const html = page(utf8('Grüße'), '<meta charset="utf-16">');
    expect(textOf(decodeHtml(html, 'p.html'))).toBe('Grüße');
  });

  it('falls back to the declaration, else windows-1252, when nothing fits', () => {
    const bytes = page(new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    expect(textOf(decodeHtml(bytes, 'p.html'))).toBe('café');
    const wrongUtf8 = page(new Uint8Array([0x6f, 0x6b, 0xff]), '<meta charset="utf-8">');
    expect(textOf(decodeHtml(wrongUtf8, 'p.html'))).toBe('ok\ufffd');
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
