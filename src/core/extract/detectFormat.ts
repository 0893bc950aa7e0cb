import path from 'node:path';
import type { SourceKind } from '../../shared/documentModel';
import { ascii, startsWithBytes } from '../text/magicBytes';

/** The formats Dossier reads; each has one extractor. */
export type DocumentFormat = 'text' | 'html' | 'mhtml' | 'markdown' | 'pdf' | 'epub' | 'docx';

export interface FormatInfo {
  format: DocumentFormat;
  /** The media type the original is kept under. */
  mediaType: string;
  /** What a source made from it is called. */
  kind: SourceKind;
}

const FORMATS: Record<DocumentFormat, FormatInfo> = {
  text: { format: 'text', mediaType: 'text/plain', kind: 'text' },
  html: { format: 'html', mediaType: 'text/html', kind: 'web' },
  mhtml: { format: 'mhtml', mediaType: 'multipart/related', kind: 'web' },
  markdown: { format: 'markdown', mediaType: 'text/markdown', kind: 'markdown' },
  pdf: { format: 'pdf', mediaType: 'application/pdf', kind: 'pdf' },
  epub: { format: 'epub', mediaType: 'application/epub+zip', kind: 'epub' },
  docx: {
    format: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    kind: 'docx',
  },
};

const BY_EXTENSION: Record<string, DocumentFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.mht': 'mhtml',
  '.mhtml': 'mhtml',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.pdf': 'pdf',
  '.epub': 'epub',
  '.docx': 'docx',
};

/** The file name endings the import dialog offers and folder imports pick up. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

export function formatInfo(format: DocumentFormat): FormatInfo {
  return FORMATS[format];
}

/**
 * Tells a file's format from its first bytes, then its name (or the media
 * type a web server declared for it): a PDF or a zip is
 * known by its magic number whatever it is called; a web page saved under
 * another name is known by its opening tags. Anything else is read as plain
 * text, whose decoder refuses what is not text.
 */
export function detectFormat(
  bytes: Uint8Array,
  fileName: string,
  declaredMediaType?: string | null,
): FormatInfo {
  const byName =
    BY_EXTENSION[path.extname(fileName).toLowerCase()] ?? byMediaType(declaredMediaType);
  if (startsWithBytes(bytes, ascii('%PDF-'))) return FORMATS.pdf;
  // Word and EPUB files are zips: the name says which (their extractors check the inside);
  // another zip goes to the text decoder, which says what it looks like.
  if (startsWithBytes(bytes, ascii('PK\u0003\u0004'))) {
    return FORMATS[byName === 'epub' || byName === 'docx' ? byName : 'text'];
  }
  if (byName && byName !== 'text') return FORMATS[byName];
  const head = asciiHead(bytes);
  if (/^(?:mime-version:|from:|subject:|date:|snapshot-content-location:)/im.test(head)) {
    if (/content-type:\s*multipart\/related/i.test(head)) return FORMATS.mhtml;
  }
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(head)) return FORMATS.html;
  return FORMATS.text;
}

/** A web server's word for what it sent, when the address has no telling extension. */
function byMediaType(mediaType: string | null | undefined): DocumentFormat | undefined {
  switch (mediaType) {
    case 'text/html':
    case 'application/xhtml+xml':
      return 'html';
    case 'text/markdown':
    case 'text/x-markdown':
      return 'markdown';
    case 'application/pdf':
      return 'pdf';
    default:
      return undefined;
  }
}

/** The first kilobyte as Latin-1, without a UTF-8 BOM: enough to see a page's opening tags. */
function asciiHead(bytes: Uint8Array): string {
  const start = startsWithBytes(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return Buffer.from(bytes.subarray(start, start + 1024)).toString('latin1');
}
