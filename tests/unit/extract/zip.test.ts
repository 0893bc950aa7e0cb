import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { RasterImages } from '../../../src/core/extract/zip/rasterImages';
import { openZip } from '../../../src/core/extract/zip/readZip';
import { deflatedZeros, writeRawZip } from './zipBombs';
import { syncRefusal } from '../support/refusal';

const GIB = 1024 ** 3;
/** Unpacking a whole gibibyte takes several seconds (and a gibibyte of memory); refusing must not. */
const QUICKLY_MS = 1500;

describe('openZip', () => {
  it('reads the files it is asked for, stored or deflated', () => {
    const bytes = zipSync({
      mimetype: [strToU8('application/epub+zip'), { level: 0 }],
      'OEBPS/chapter.xhtml': strToU8('<p>Ṣalāt al-fajr — ١٢٣</p>'.repeat(100)),
      'OEBPS/': new Uint8Array(0),
    });
    const zip = openZip(bytes, 'book.epub');
    expect(zip.names).toEqual(['mimetype', 'OEBPS/chapter.xhtml']);
    expect(zip.readText('mimetype')).toBe('application/epub+zip');
    expect(zip.readText('OEBPS/chapter.xhtml')).toBe('<p>Ṣalāt al-fajr — ١٢٣</p>'.repeat(100));
    expect(zip.has('OEBPS/missing.xhtml')).toBe(false);
    expect(zip.read('OEBPS/missing.xhtml')).toBeNull();
    expect(() => zip.verifyAll()).not.toThrow();
  });

  it('reads ZIP64 archives', () => {
    // Written by Info-ZIP's zip 3.0 with -fz (ZIP64 forced): sizes and the directory's offset in ZIP64 fields.
    const bytes = Buffer.from(
      'UEsDBC0AAAAAAAAAIVhvYass//////////8IABQAbWltZXR5cGUBABAAFAAAAAAAAAAUAAAAAAAAAGFwcGxpY2F0aW9uL2VwdWIremlwUEsDBC0AAAAIAAAAIVi1cXle//////////8FABQAYi50eHQBABAAhAMAAAAAAAAdAAAAAAAAAIvKLDAzUShOrCxWyEjNycnXU4gaFRkVGRWhowgAUEsBAh4DLQAAAAAAAAAhWG9hqywUAAAA/////wgADAAAAAAAAAAAAKSBAAAAAG1pbWV0eXBlAQAIABQAAAAAAAAAUEsBAh4DLQAAAAgAAAAhWLVxeV4dAAAA/////wUADAAAAAAAAQAAAKSBTgAAAGIudHh0AQAIAIQDAAAAAAAAUEsGBiwAAAAAAAAAHgMtAAAAAAAAAAAAAgAAAAAAAAACAAAAAAAAAIEAAAAAAAAAogAAAAAAAABQSwYHAAAAACMBAAAAAAAAAQAAAFBLBQYAAAAAAgACAIEAAAD/////AAA=',
      'base64',
    );
    const zip = openZip(bytes, 'zip64.epub');
    expect(zip.names).toEqual(['mimetype', 'b.txt']);
    expect(zip.readText('mimetype')).toBe('application/epub+zip');
    expect(zip.readText('b.txt')).toBe('Zip64 says hello. '.repeat(50));
  });

  it('refuses a 1 GiB bomb that declares its size, before inflating anything', () => {
    const packed = deflatedZeros(1024);
    const bytes = writeRawZip([
      { name: 'word/document.xml', packed, method: 8, declaredSize: GIB },
    ]);
    const started = performance.now();
    const error = syncRefusal(() => openZip(bytes, 'report.docx'));
    expect(performance.now() - started).toBeLessThan(QUICKLY_MS);
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(
      /^report\.docx looks like a zip bomb \(word\/document\.xml would unpack to 1 GiB; the limit is 100 MiB\)/,
    );
  });

  it('refuses a 1 GiB bomb whose directory lies about its size, as soon as it outgrows the lie', () => {
    const packed = deflatedZeros(1024);
    const bytes = writeRawZip([
      { name: 'mimetype', packed: strToU8('application/epub+zip'), method: 0, declaredSize: 20 },
      { name: 'OEBPS/chapter.xhtml', packed, method: 8, declaredSize: 4000 },
    ]);
    const zip = openZip(bytes, 'book.epub');
    expect(zip.readText('mimetype')).toBe('application/epub+zip');
    const started = performance.now();
    const error = syncRefusal(() => zip.read('OEBPS/chapter.xhtml'));
    expect(performance.now() - started).toBeLessThan(QUICKLY_MS);
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('looks like a zip bomb');
    expect(error.message).toContain('OEBPS/chapter.xhtml unpacks to more than the 4,000 bytes');
    // Checking the whole archive (as before Word files go to mammoth) finds it too.
    expect(syncRefusal(() => zip.verifyAll()).message).toContain('looks like a zip bomb');
  });

  it('refuses a compression ratio no document reaches', () => {
    const packed = deflatedZeros(50);
    const bytes = writeRawZip([
      { name: 'word/document.xml', packed, method: 8, declaredSize: 50 * 1024 * 1024 },
    ]);
    expect(syncRefusal(() => openZip(bytes, 'report.docx')).message).toMatch(
      /looks like a zip bomb \(word\/document\.xml is compressed [\d,]+ to 1/,
    );
  });

  it('refuses files that share their bytes (an overlapping bomb)', () => {
    const packed = deflatedZeros(1);
    const aliases = Array.from({ length: 300 }, (_, index) => `OEBPS/copy${index}.xhtml`);
    const bytes = writeRawZip(
      [{ name: 'OEBPS/chapter.xhtml', packed, method: 8, declaredSize: 1024 * 1024 }],
      aliases,
    );
    expect(syncRefusal(() => openZip(bytes, 'book.epub')).message).toContain(
      'shares its bytes with another file inside',
    );
  });

  it('refuses more files than the limit and a total that is too large', () => {
    const tiny = { packed: strToU8('x'), method: 0 as const, declaredSize: 1 };
    const many = writeRawZip(
      Array.from({ length: 10_001 }, (_, index) => ({ name: `f${index}`, ...tiny })),
    );
    expect(syncRefusal(() => openZip(many, 'many.epub')).message).toBe(
      'many.epub looks like a zip bomb (10,001 files inside; the limit is 10,000); it was not imported.',
    );

    const packed = deflatedZeros(90);
    const big = writeRawZip(
      [0, 1, 2].map((index) => ({
        name: `part${index}.xml`,
        packed,
        method: 8,
        declaredSize: 90 * 1024 * 1024,
      })),
    );
    const limits = {
      maxEntries: 10,
      maxEntryBytes: 100 * 1024 ** 2,
      maxTotalBytes: 200 * 1024 ** 2,
      maxRatio: 2000,
      ratioFreeBytes: 0,
    };
    expect(syncRefusal(() => openZip(big, 'big.docx', limits)).message).toContain(
      'its files would unpack to 270 MiB; the limit is 200 MiB',
    );
  });

  it('says what is wrong with a file that is not a readable zip', () => {
    expect(syncRefusal(() => openZip(strToU8('just text'), 'notes.epub')).message).toBe(
      'notes.epub is not a readable zip archive (no end of central directory); EPUB and Word files are zip archives, so it may be damaged.',
    );
    const encrypted = writeRawZip([
      { name: 'word/document.xml', packed: strToU8('????'), method: 8, declaredSize: 4, flags: 1 },
    ]);
    expect(syncRefusal(() => openZip(encrypted, 'secret.docx')).message).toContain(
      'secret.docx is encrypted',
    );
    const garbage = writeRawZip([
      {
        name: 'word/document.xml',
        packed: strToU8('not deflate at all'),
        method: 8,
        declaredSize: 40,
      },
    ]);
    expect(
      syncRefusal(() => openZip(garbage, 'broken.docx').read('word/document.xml')).message,
    ).toBe('broken.docx is damaged: word/document.xml inside it cannot be unpacked.');
  });
});

describe('RasterImages', () => {
  const png = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'pixel.png'));

  it('embeds raster images known by their bytes, never SVG', () => {
    const images = new RasterImages();
    expect(images.dataUrl(png)).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(images.dataUrl(strToU8('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(images.dataUrl(strToU8('GIF89a\x01\x00'))).toMatch(/^data:image\/gif;base64,/);
  });

  it('leaves images out once the document has used its budget, repeats included', () => {
    const images = new RasterImages(png.length * 2);
    expect(images.dataUrl(png)).not.toBeNull();
    expect(images.dataUrl(png)).not.toBeNull();
    expect(images.dataUrl(png)).toBeNull();
  });
});
