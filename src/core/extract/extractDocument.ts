import { DossierError } from '../../shared/errors';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../../shared/importLimits';
import { detectFormat, type DocumentFormat, type FormatInfo } from './detectFormat';
import type { ExtractedDocument, ExtractionInput } from './extractedDocument';
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

/**
 * Each format's extractor; the synchronous ones are run as they are. Those whose
 * libraries take long to load (an HTML DOM, Word, Markdown, zip) are loaded with
 * the first file that needs them, so a command or an import of plain text
 * starts without them.
 */
const EXTRACTORS: Record<DocumentFormat, Extractor> = {
  text: async ({ bytes, fileName, declaredCharset }) =>
    extractPlainText(bytes, fileName, declaredCharset),
  html: async (input) => (await import('./html/extractHtml')).extractHtml(input),
  mhtml: async (input) => (await import('./mhtml/extractMhtml')).extractMhtml(input),
  markdown: async (input) => (await import('./markdown/extractMarkdown')).extractMarkdown(input),
  pdf: extractPdf,
  epub: async (input, signal) => (await import('./epub/extractEpub')).extractEpub(input, signal),
  docx: async (input, signal) => (await import('./docx/extractDocx')).extractDocx(input, signal),
};
