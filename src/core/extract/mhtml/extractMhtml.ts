import type { ExtractedDocument, ExtractionInput } from '../extractedDocument';
import { extractHtml } from '../html/extractHtml';
import { webAddress } from '../html/safeUrls';
import { parseMhtml } from './parseMhtml';
import { mhtmlImageResolver } from './resolveImage';

export const MHTML_EXTRACTOR = 'mhtml@1';

/**
 * A web page saved as one file (`.mht`, `.mhtml`): its HTML part read as any
 * page, at the address it was saved from, with the images saved beside it
 * embedded (raster only) instead of left as remote addresses.
 */
export function extractMhtml(input: ExtractionInput): ExtractedDocument {
  const mhtml = parseMhtml(input.bytes, input.fileName);
  const url = webAddress(mhtml.html.location, null) ?? input.url;
  const document = extractHtml(
    {
      bytes: mhtml.html.bytes,
      fileName: input.fileName,
      ...(url ? { url } : {}),
      ...(mhtml.html.charset ? { declaredCharset: mhtml.html.charset } : {}),
    },
    { resolveImage: mhtmlImageResolver(mhtml) },
  );
  return { ...document, kind: 'web', extractor: MHTML_EXTRACTOR };
}
