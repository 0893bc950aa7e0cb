import { DOMParser } from 'linkedom';
import { stopIfCancelled, yieldToHost } from '../../operations';
import { DocumentBuilder } from '../documentBuilder';
import type { ExtractedDocument, ExtractionInput } from '../extractedDocument';
import { appendHtmlBlocks, type HtmlNumbering } from '../html/appendHtmlBlocks';
import { fileTitle } from '../fileTitle';
import { takeTitle } from '../convertedHtml';
import { NestingBudget } from '../nestingBudget';
import { RasterImages } from '../zip/rasterImages';
import { openZip, type ZipArchive } from '../zip/readZip';
import { readPackage } from './readPackage';
import { decodeHtmlEntities } from './xhtmlEntities';
import { findInZip, resolveInZip } from './zipPaths';

export const EPUB_EXTRACTOR = 'epub@1';

/**
 * An EPUB book: its package's metadata, then every chapter of its spine in
 * reading order, walked into blocks one after the other. Images the chapters
 * show are taken from the book (raster only) and kept as data URLs.
 */
export async function extractEpub(
  { bytes, fileName }: ExtractionInput,
  signal?: AbortSignal,
): Promise<ExtractedDocument> {
  const zip = openZip(bytes, fileName);
  const nesting = new NestingBudget(fileName);
  const book = readPackage(zip, fileName, nesting);
  const images = bookImages(zip);

  const builder = new DocumentBuilder();
  let title: string | null = null;
  let numbering: HtmlNumbering = { nextFigure: 1, nextTable: 1 };
  for (const path of book.chapters) {
    stopIfCancelled(signal, `Import of ${fileName} was cancelled; nothing was kept.`);
    const body = readChapter(zip, path, nesting);
    if (!body) continue;
    if (title === null) {
      // Else the first chapter's heading; a title page repeating the title does not keep it.
      title = takeTitle(body, book.title, fileName);
      builder.addBlock({ kind: 'title' }, [{ text: title }]);
    }
    numbering = appendHtmlBlocks(body, builder, {
      resolveImage: (src) => images(src, path),
      firstFigure: numbering.nextFigure,
      firstTable: numbering.nextTable,
    });
    // Lets a request to cancel arrive between chapters.
    await yieldToHost();
  }
  if (title === null) {
    title = book.title ?? fileTitle(fileName);
    builder.addBlock({ kind: 'title' }, [{ text: title }]);
  }
  const { text, blocks } = builder.build();
  return { kind: 'epub', extractor: EPUB_EXTRACTOR, title, text, blocks, metadata: book.metadata };
}

/**
 * A chapter's body. Chapters are XHTML, so they are parsed as XML (`<a/>` is
 * an empty element, not an open one) after HTML's named references are
 * replaced by their characters.
 */
function readChapter(zip: ZipArchive, path: string, nesting: NestingBudget): Element | null {
  const data = zip.read(path);
  if (!data) return null;
  const xhtml = decodeHtmlEntities(decodeXml(data));
  nesting.check(xhtml, true);
  const document = new DOMParser().parseFromString(xhtml, 'text/xml');
  return (document.querySelector('body') ?? document.documentElement) as unknown as Element | null;
}

/** XML is UTF-8 unless a byte order mark says UTF-16 (EPUB allows no other encoding). */
function decodeXml(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return new TextDecoder('utf-8').decode(data);
}

/** Resolves an image a chapter refers to, each file read from the zip once. */
function bookImages(zip: ZipArchive): (src: string, chapter: string) => string | null {
  const raster = new RasterImages();
  const read = new Map<string, Uint8Array | null>();
  return (src, chapter) => {
    const resolved = resolveInZip(src, chapter);
    const path = resolved && findInZip(zip, resolved);
    if (!path) return null;
    if (!read.has(path)) read.set(path, zip.read(path));
    const data = read.get(path);
    return data ? raster.dataUrl(data) : null;
  };
}
