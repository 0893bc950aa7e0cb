import { DossierError } from '../../shared/errors';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../../shared/importLimits';
import { detectFormat, type FormatInfo } from './detectFormat';
import type { ExtractedDocument, ExtractionInput } from './extractedDocument';
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
  const format = detectFormat(bytes, fileName);
  const document = await extractorFor(format)(input, signal);
  if (document.text.trim() === '') {
    throw new DossierError('unsupported', `${fileName} has no text to import.`);
  }
  return { format, document };
}

type Extractor = (input: ExtractionInput, signal?: AbortSignal) => Promise<ExtractedDocument>;

function extractorFor({ format }: FormatInfo): Extractor {
  switch (format) {
    case 'text':
      return async ({ bytes, fileName }) => extractPlainText(bytes, fileName);
    default:
      return async ({ fileName }) => {
        throw new DossierError(
          'unsupported',
          `${fileName}: this kind of file cannot be imported yet.`,
        );
      };
  }
}
