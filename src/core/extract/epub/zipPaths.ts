import type { ZipArchive } from '../zip/readZip';

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Where a reference in a book (an `href` or `src`: percent-encoded, relative
 * to the file it is in) points inside the zip, as a zip path; null for a
 * reference to elsewhere (`http:`, `data:`…) or to nothing. Fragments and
 * queries are dropped; `..` never climbs above the zip's root.
 */
export function resolveInZip(reference: string, from: string): string | null {
  const trimmed = reference.trim();
  if (trimmed === '' || HAS_SCHEME.test(trimmed)) return null;
  const base = `zip:/${from.split('/').map(encodeURIComponent).join('/')}`;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  const path = url.pathname.slice(1).split('/').map(decodeSegment).join('/');
  return path === '' || path.endsWith('/') ? null : path;
}

/**
 * The zip path a resolved reference names: exactly, or else one that differs
 * only in letter case (books made on case-insensitive file systems get it wrong).
 */
export function findInZip(zip: ZipArchive, path: string): string | null {
  if (zip.has(path)) return path;
  const lower = path.toLowerCase();
  return zip.names.find((name) => name.toLowerCase() === lower) ?? null;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
