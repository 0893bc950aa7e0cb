import { DossierError } from '../../shared/errors';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../../shared/importLimits';
import { detectFormat, type DocumentFormat, type FormatInfo } from './detectFormat';
import { extractDocx } from './docx/extractDocx';
import { extractEpub } from './epub/extractEpub';
import type { ExtractedDocument, ExtractionInput } from './extractedDocument';
import { extractHtml } from './html/extractHtml';
import { extractMarkdown } from './markdown/extractMarkdown';
import { extractMhtml } from './mhtml/extractMhtml';
import { extractPdf } from './pdf/extractPdf';
import { extractPlainText } from './plainText/extractPlainText';

export interface Extraction {
  format: FormatInfo;
  document: ExtractedDocument;
}

/**
 * Turns imported bytes into Dossier's document model with the extractor of
 * their format. Refuses, with a message naming the file, what is empty, too
 * large or unreadable; never returns a document without text.
 */
export async function extractDocument(
  input: ExtractionInput,
  signal?: AbortSignal,
): Promise<Extraction> {
  const { bytes, fileName } = input;
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLargeToImport(fileName, bytes.length);
  if (bytes.length === 0) {
    throw new DossierError('unsupported', `${fileName} is empty; there is nothing to import.`);
  }
  const format = detectFormat(bytes, fileName, input.declaredMediaType);
  const document = await EXTRACTORS[format.format](input, signal);
  if (document.text.trim() === '') {
    throw new DossierError('unsupported', `${fileName} has no text to import.`);
  }
  return { format, document };
}

type Extractor = (input: ExtractionInput, signal?: AbortSignal) => Promise<ExtractedDocument>;

/** Each format's extractor; the synchronous ones are run as they are. */
const EXTRACTORS: Record<DocumentFormat, Extractor> = {
  text: async ({ bytes, fileName, declaredCharset }) =>
    extractPlainText(bytes, fileName, declaredCharset),
  html: async (input) => extractHtml(input),
  mhtml: async (input) => extractMhtml(input),
  markdown: async (input) => extractMarkdown(input),
  pdf: extractPdf,
  epub: extractEpub,
  docx: extractDocx,
};
