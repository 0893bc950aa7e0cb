/**
 * The only addresses an imported page may leave behind: links Dossier can
 * open outside itself, addresses of images it will never fetch, and images
 * embedded in the file as raster data URLs.
 */

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const WEB_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * Raster formats a browser draws without running anything (SVG is left out:
 * it can hold script). Base64 only, so the URL holds nothing but data.
 */
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif);base64,([a-z0-9+/=\s]*)$/i;

function parseUrl(reference: string, baseUrl: string | null | undefined): URL | null {
  try {
    return new URL(reference.trim(), baseUrl ?? undefined);
  } catch {
    return null;
  }
}

/** The absolute http(s) address `reference` stands for on a page at `baseUrl`, or null. */
export function webAddress(
  reference: string | null | undefined,
  baseUrl: string | null | undefined,
): string | null {
  if (!reference) return null;
  const url = parseUrl(reference, baseUrl);
  return url && WEB_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** A link's absolute http, https or mailto target, or null (javascript:, data:, relative without a base…). */
export function linkTarget(reference: string, baseUrl: string | null | undefined): string | null {
  const url = parseUrl(reference, baseUrl);
  return url && LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** `src` as a clean `data:image/…;base64,` URL when it is one of the raster formats; else null. */
export function embeddedImage(src: string | null | undefined): string | null {
  const match = src ? EMBEDDED_IMAGE.exec(src.trim()) : null;
  if (!match) return null;
  return `data:image/${match[1]!.toLowerCase()};base64,${match[2]!.replace(/\s+/g, '')}`;
}
