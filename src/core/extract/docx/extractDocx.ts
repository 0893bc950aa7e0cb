import mammoth from 'mammoth';
import { DossierError } from '../../../shared/errors';
import { stopIfCancelled } from '../../operations';
import { DocumentBuilder } from '../documentBuilder';
import type { ExtractedDocument, ExtractionInput } from '../extractedDocument';
import { appendHtmlBlocks } from '../html/appendHtmlBlocks';
import { htmlRoot, takeTitle } from '../convertedHtml';
import { RasterImages } from '../zip/rasterImages';
import { openZip } from '../zip/readZip';
import { readCoreProperties } from './readCoreProperties';

export const DOCX_EXTRACTOR = 'docx-mammoth@1';

/** Mammoth's own map knows headings and lists; a paragraph styled Title is a heading too. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh"];

/**
 * A Word file: converted to HTML by mammoth (headings, lists, tables, bold,
 * italic, links, images) and walked into blocks, with the title, author,
 * date and language of its core properties.
 */
export async function extractDocx(
  { bytes, fileName }: ExtractionInput,
  signal?: AbortSignal,
): Promise<ExtractedDocument> {
  const zip = openZip(bytes, fileName);
  // Mammoth unpacks the parts it reads without limits: it gets the file only once all of them unpacked within ours.
  zip.verifyAll();
  const core = readCoreProperties(zip, fileName);
  const cancelled = `Import of ${fileName} was cancelled; nothing was kept.`;
  stopIfCancelled(signal, cancelled);
  const html = await convertToHtml(bytes, fileName);
  stopIfCancelled(signal, cancelled);

  const root = htmlRoot(html, fileName);
  const title = takeTitle(root, core.title, fileName, 'h1, h2, h3, h4, h5, h6');
  const builder = new DocumentBuilder();
  builder.addBlock({ kind: 'title' }, [{ text: title }]);
  appendHtmlBlocks(root, builder);
  const { text, blocks } = builder.build();
  return { kind: 'docx', extractor: DOCX_EXTRACTOR, title, text, blocks, metadata: core.metadata };
}

async function convertToHtml(bytes: Uint8Array, fileName: string): Promise<string> {
  const images = new RasterImages();
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Never read a file a document links to on this computer.
        externalFileAccess: false,
        // Raster images only, within the document's budget; others stay placeholders with their description.
        convertImage: mammoth.images.imgElement(async (image) => ({
          src: images.dataUrl(new Uint8Array(await image.read())) ?? '',
        })),
      },
    );
    return result.value;
  } catch (error) {
    throw new DossierError(
      'unsupported',
      `${fileName} could not be read as a Word document (${error instanceof Error ? error.message : String(error)}). ` +
        'Open it in a word processor and save it again as .docx.',
    );
  }
}
