import { MAX_IMPORT_BYTES } from '../../../shared/importLimits';
import { ascii, startsWithBytes, type BytePattern } from '../../text/magicBytes';

/** Raster formats the reader shows, known by their first bytes (never by a name or a declared type). */
const SIGNATURES: ReadonlyArray<{ type: string; bytes: BytePattern }> = [
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: ascii('GIF87a') },
  { type: 'image/gif', bytes: ascii('GIF89a') },
  { type: 'image/webp', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { type: 'image/avif', bytes: [null, null, null, null, ...ascii('ftypavif')] },
];

/**
 * Turns images packed in a document (an EPUB's files, a Word file's media)
 * into `data:` URLs the document keeps. Raster images only: SVG can carry
 * scripts and is never embedded. Every use counts against one budget for
 * the document, so a small file repeating a large image cannot swell into
 * an enormous version; past it, images are left out (placeholders).
 */
export class RasterImages {
  private used = 0;
  private readonly urls = new WeakMap<Uint8Array, string | null>();

  constructor(private readonly budgetBytes: number = MAX_IMPORT_BYTES) {}

  dataUrl(bytes: Uint8Array): string | null {
    if (this.used + bytes.length > this.budgetBytes) return null;
    let url = this.urls.get(bytes);
    if (url === undefined) {
      const type = rasterType(bytes);
      url = type ? `data:${type};base64,${Buffer.from(bytes).toString('base64')}` : null;
      this.urls.set(bytes, url);
    }
    if (url) this.used += bytes.length;
    return url;
  }
}

export function rasterType(bytes: Uint8Array): string | null {
  const match = SIGNATURES.find((signature) => startsWithBytes(bytes, signature.bytes));
  return match?.type ?? null;
}
