import { RasterImages } from '../zip/rasterImages';
import { absoluteAddress, type ParsedMhtml } from './parseMhtml';

/**
 * Makes the `resolveImage` an HTML extractor calls for each image of the
 * page: the reference (absolute, relative to the page's address, or `cid:`)
 * is looked up among the saved parts, and a raster image there (PNG, JPEG,
 * GIF, WebP, AVIF, told by its bytes, never SVG) becomes a `data:` URL.
 * Anything else, or an image not saved with the page, gives null.
 */
export function mhtmlImageResolver({
  html,
  resources,
}: ParsedMhtml): (src: string) => string | null {
  const images = new RasterImages();
  return (src) => {
    const key = resourceKey(src, html.location);
    const resource = key === null ? undefined : resources.get(key);
    return resource ? images.dataUrl(resource.bytes) : null;
  };
}

/** The key a part is saved under: `cid:` and its Content-ID, or its absolute address. */
function resourceKey(src: string, pageLocation: string | null): string | null {
  const reference = src.trim();
  if (!/^cid:/i.test(reference)) return absoluteAddress(reference, pageLocation);
  try {
    return `cid:${decodeURIComponent(reference.slice(4))}`; // RFC 2392: cid URLs are %-encoded
  } catch {
    return null;
  }
}
