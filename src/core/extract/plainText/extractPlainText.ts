import { NO_METADATA } from '../../../shared/documentModel';
import { decodeTextFile } from '../../text/decode';
import type { ExtractedDocument } from '../extractedDocument';
import { parsePlainText } from './parsePlainText';

export const PLAIN_TEXT_EXTRACTOR = 'plain-text@1';

/** A text file or pasted text: the first line is the title, blank lines separate paragraphs. */
export function plainTextDocument(text: string): ExtractedDocument {
  const { title, text: versionText, blocks } = parsePlainText(text);
  return {
    kind: 'text',
    extractor: PLAIN_TEXT_EXTRACTOR,
    title,
    text: versionText,
    blocks,
    metadata: NO_METADATA,
  };
}

export function extractPlainText(
  bytes: Uint8Array,
  fileName: string,
  declaredCharset?: string,
): ExtractedDocument {
  return plainTextDocument(decodeTextFile(bytes, fileName, declaredCharset));
}
