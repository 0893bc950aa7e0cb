import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMhtml } from '../../../src/core/extract/mhtml/extractMhtml';
import { parseMhtml } from '../../../src/core/extract/mhtml/parseMhtml';
import { mhtmlImageResolver } from '../../../src/core/extract/mhtml/resolveImage';
import { DossierError } from '../../../src/shared/errors';

const fixtures = path.resolve(__dirname, '../../fixtures');
/** Saved by Chromium (Page.captureSnapshot) from tests/fixtures/mhtml/generate.mjs. */
const chromeSnapshot = fs.readFileSync(path.join(fixtures, 'mhtml', 'river-delta.mhtml'));
const pixel = fs.readFileSync(path.join(fixtures, 'pixel.png'));
const pixelDataUrl = `data:image/png;base64,${pixel.toString('base64')}`;

/**
 * Written by hand after RFC 2557, as older tools (Internet Explorer, mail
 * clients) save pages: LF line ends, an unquoted boundary, the page inside a
 * nested multipart/alternative, in windows-1251 and quoted-printable, and an
 * image referred to by Content-ID.
 */
const handWritten = Buffer.from(
  [
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; boundary=outer-boundary; type="multipart/alternative"',
    '',
    'This is a multi-part message in MIME format.',
    '',
    '--outer-boundary',
    'Content-Type: multipart/alternative;',
    ' boundary="inner;boundary"',
    '',
    '--inner;boundary',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'Plain text version.',
    '--inner;boundary',
    'Content-Type: text/html; charset="windows-1251"',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: http://old.example/news/today.htm',
    '',
    '<html><body><h1>=CD=EE=E2=EE=F1=F2=E8</h1><p class=3D"lead">=CF=F0=E8=E2=E5=F2, =',
    '=EC=E8=F0.</p><img src=3D"cid:photo%40old.example"><img src=3D"logo.gif"></body></html>',
    '--inner;boundary--',
    '',
    '--outer-boundary',
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-ID: <photo@old.example>',
    '',
    ...pixel.toString('base64').match(/.{1,20}/g)!,
    '',
    '--outer-boundary',
    'Content-Type: image/gif',
    'Content-Transfer-Encoding: binary',
    'Content-Location: logo.gif',
    '',
    'GIF89a not really',
    '--outer-boundary--',
    '',
  ].join('\n'),
  'latin1',
);

function parseError(bytes: Uint8Array | string, fileName = 'page.mhtml'): DossierError {
  try {
    parseMhtml(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    return error as DossierError;
  }
  throw new Error('expected parseMhtml to refuse the file');
}

describe('parseMhtml', () => {
  it('reads a page saved by Chrome: the HTML part, its address and the saved resources', () => {
    const { html, resources } = parseMhtml(chromeSnapshot, 'river-delta.mhtml');
    expect(html.location).toBe('https://news.example/2024/river-delta.html');
    expect(html.charset).toBeNull();
    const page = Buffer.from(html.bytes).toString('utf8');
    expect(page).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(page).toContain('<p class="byline">By Léa Moreau · 12 January 2024</p>');
    expect(page).toContain('“The birds come back before the boats do,” says the ferryman');
    expect(page).toContain('shallow channels and bare mud flats.\r\nFishermen');
    expect(page).toMatch(/<\/body><\/html>$/);

    const heron = resources.get('https://news.example/2024/images/heron.png');
    expect(heron?.mediaType).toBe('image/png');
    expect(Buffer.from(heron!.bytes).equals(pixel)).toBe(true);
    expect(resources.get('https://news.example/images/logo.svg')?.mediaType).toBe('image/svg+xml');
    expect(Buffer.from(resources.get('https://news.example/style.css')!.bytes).toString()).toBe(
      '@charset "utf-8";\r\n\r\nbody { font-family: serif; max-width: 40em; }',
    );
  });

  it('reads a hand-written RFC 2557 file: nested parts, LF line ends, a declared charset, Content-IDs', () => {
    const { html, resources } = parseMhtml(handWritten, 'today.mht');
    expect(html.charset).toBe('windows-1251');
    expect(html.location).toBe('http://old.example/news/today.htm');
    expect(new TextDecoder('windows-1251').decode(html.bytes)).toBe(
      '<html><body><h1>Новости</h1><p class="lead">Привет, мир.</p>' +
        '<img src="cid:photo%40old.example"><img src="logo.gif"></body></html>',
    );
    expect(Buffer.from(resources.get('cid:photo@old.example')!.bytes).equals(pixel)).toBe(true);
    // A relative Content-Location is taken against the page's.
    expect([...resources.keys()]).toEqual([
      'cid:photo@old.example',
      'http://old.example/news/logo.gif',
    ]);
  });

  it('keeps the last part of a file cut off before its closing boundary', () => {
    const cut = chromeSnapshot.subarray(0, chromeSnapshot.indexOf('</article>'));
    const { html } = parseMhtml(cut, 'cut.mhtml');
    expect(Buffer.from(html.bytes).toString()).toContain('The village café stays open');
  });

  it('refuses, saying why, a file without a MIME boundary or without a web page', () => {
    const plainPage = parseError('<!doctype html><html><body><p>Hello</p></body></html>');
    expect(plainPage.code).toBe('unsupported');
    expect(plainPage.message).toBe(
      'page.mhtml is not a readable MHTML file: it has no multipart Content-Type with a boundary.',
    );

    const noBoundary = parseError(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"\r\n\r\n<html></html>',
    );
    expect(noBoundary.message).toContain('no multipart Content-Type with a boundary');

    const noPage = parseError(
      [
        'Content-Type: multipart/related; boundary="b"',
        '',
        '--b',
        'Content-Type: image/png',
        'Content-Transfer-Encoding: base64',
        '',
        pixel.toString('base64'),
        '--b--',
      ].join('\r\n'),
      'images-only.mhtml',
    );
    expect(noPage.code).toBe('unsupported');

    const nested = Array.from(
      { length: 20 },
      (_, level) => `Content-Type: multipart/related; boundary="b${level}"\r\n\r\n--b${level}\r\n`,
    ).join('');
    expect(parseError(nested).message).toContain('nests its parts more than 8 deep');
    expect(noPage.message).toBe(
      'images-only.mhtml holds no web page (no text/html part); it cannot be imported.',
    );
  });
});

describe('mhtmlImageResolver', () => {
  it('turns a saved raster image into a data URL, by absolute, relative or cid: reference', () => {
    const chrome = mhtmlImageResolver(parseMhtml(chromeSnapshot, 'river-delta.mhtml'));
    expect(chrome('https://news.example/2024/images/heron.png')).toBe(pixelDataUrl);
    expect(chrome('images/heron.png')).toBe(pixelDataUrl);
    expect(chrome(' /2024/images/heron.png#top ')).toBe(pixelDataUrl);

    const old = mhtmlImageResolver(parseMhtml(handWritten, 'today.mht'));
    expect(old('cid:photo%40old.example')).toBe(pixelDataUrl);
    expect(old('CID:photo@old.example')).toBe(pixelDataUrl);
    expect(old('logo.gif')).toBe(
      `data:image/gif;base64,${Buffer.from('GIF89a not really').toString('base64')}`,
    );
  });

  it('gives null for SVG, for bytes that are no image, and for images not saved with the page', () => {
    const chrome = mhtmlImageResolver(parseMhtml(chromeSnapshot, 'river-delta.mhtml'));
    expect(chrome('https://news.example/images/logo.svg')).toBeNull();
    expect(chrome('/style.css')).toBeNull();
    expect(chrome('https://elsewhere.example/heron.png')).toBeNull();
    expect(chrome('cid:nothing')).toBeNull();
    expect(chrome('cid:%E0%A4%A')).toBeNull(); // a broken escape
  });
});

describe('extractMhtml', () => {
  it('reads the saved page as a web page at its address, with its saved images embedded', () => {
    const document = extractMhtml({ bytes: chromeSnapshot, fileName: 'river-delta.mhtml' });
    expect(document).toMatchObject({
      kind: 'web',
      extractor: 'mhtml@1',
      title: 'Winter on the river delta',
      metadata: {
        byline: 'By Léa Moreau · 12 January 2024',
        canonicalUrl: 'https://news.example/2024/river-delta.html',
        lang: 'en',
      },
    });
    expect(document.text).toContain('“The birds come back before the boats do,” says the ferryman');
    expect(document.text).toContain('The village café stays open all winter.');
    expect(document.text).not.toContain('Regions'); // the navigation

    const images = document.blocks.filter((block) => block.kind === 'image');
    expect(images).toEqual([
      expect.objectContaining({ src: pixelDataUrl, alt: 'A grey heron', figure: 1 }),
      // SVG is never embedded: it stays an address the reader does not fetch.
      expect.objectContaining({
        src: null,
        alt: 'News Example',
        remoteUrl: 'https://news.example/images/logo.svg',
      }),
    ]);
  });

  it('decodes the page in the charset its part declares, and finds images by Content-ID', () => {
    const document = extractMhtml({ bytes: handWritten, fileName: 'today.mht' });
    expect(document.title).toBe('Новости');
    expect(document.text).toContain('Привет, мир.');
    const images = document.blocks.filter((block) => block.kind === 'image');
    expect(images.map((image) => image.src)).toEqual([
      pixelDataUrl,
      `data:image/gif;base64,${Buffer.from('GIF89a not really').toString('base64')}`,
    ]);
  });

  it('refuses a file that is not MHTML with the parser’s message', () => {
    expect(() =>
      extractMhtml({ bytes: Buffer.from('<html><body>Hi</body></html>'), fileName: 'x.mht' }),
    ).toThrow(/x\.mht is not a readable MHTML file/);
  });
});
