export interface ContentType {
  /** Lower-cased `type/subtype`, or null when the header is missing or unreadable. */
  mediaType: string | null;
  charset: string | null;
}

/** Media types Dossier imports from the web; anything else is refused before it is downloaded. */
const IMPORTABLE_MEDIA_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/markdown',
  'text/x-markdown',
  'application/pdf',
]);

/** Reads a Content-Type header (`text/html; charset="utf-8"`). */
export function parseContentType(header: string | null): ContentType {
  const [essence = '', ...parameters] = (header ?? '').split(';');
  const mediaType = essence.trim().toLowerCase();
  let charset: string | null = null;
  for (const parameter of parameters) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(parameter);
    if (match) charset = match[1]!;
  }
  return { mediaType: /^[\w.+-]+\/[\w.+-]+$/.test(mediaType) ? mediaType : null, charset };
}

/** A missing type is let through: the bytes then tell what the page is. */
export function isImportableMediaType(mediaType: string | null): boolean {
  return mediaType === null || IMPORTABLE_MEDIA_TYPES.has(mediaType);
}
