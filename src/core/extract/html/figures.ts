/**
 * Images and figures: which picture an `<img>` shows (an embedded raster
 * image, else the web address it would be fetched from, else only its
 * description), which images are not pictures at all, and the numbers
 * figures take, given only when a figure turns out to hold an image or a
 * caption.
 */
import type { ImageSpec } from '../documentBuilder';
import { integerAttribute } from './elementAttributes';
import { cleanField } from './oneLine';
import { embeddedImage, webAddress } from './safeUrls';

/** The figures the walk is inside, innermost last, and the number the next one takes. */
export class OpenFigures {
  private readonly frames: { number: number | null }[] = [];

  constructor(private nextNumber: number) {}

  get next(): number {
    return this.nextNumber;
  }

  open(): void {
    this.frames.push({ number: null });
  }

  close(): void {
    this.frames.pop();
  }

  /** The number of the figure being read, given when it first needs one; undefined outside figures. */
  number(): number | undefined {
    const figure = this.frames[this.frames.length - 1];
    if (!figure) return undefined;
    figure.number ??= this.nextNumber++;
    return figure.number;
  }
}

/**
 * What `image` shows, with the page's address `baseUrl` and the caller's
 * `resolveImage` for images kept in the file; null for an image that says nothing.
 */
export function readImage(
  image: Element,
  baseUrl: string | null,
  resolveImage: ((src: string) => string | null) | undefined,
): Pick<ImageSpec, 'src' | 'alt' | 'remoteUrl'> | null {
  if (isTrackingPixel(image)) return null;
  const reference = imageReference(image);
  const resolved = reference && resolveImage ? embeddedImage(resolveImage(reference)) : null;
  const src = resolved ?? embeddedImage(reference);
  const remoteUrl = src ? null : webAddress(reference, baseUrl);
  const alt = cleanField(image.getAttribute('alt') ?? image.getAttribute('title')) ?? '';
  // A placeholder with no picture, no address and no description would say nothing.
  if (!src && !remoteUrl && !alt) return null;
  return { src, alt, ...(remoteUrl ? { remoteUrl } : {}) };
}

/** The address an image shows: `src`, else a lazy-loading `data-src`, else the first `srcset` candidate. */
function imageReference(image: Element): string | null {
  const src = image.getAttribute('src')?.trim() || image.getAttribute('data-src')?.trim();
  if (src) return src;
  const firstCandidate = image.getAttribute('srcset')?.trim().split(/\s+/)[0];
  return firstCandidate?.replace(/,$/, '') || null;
}

/** 1×1 images are counters, not pictures. */
function isTrackingPixel(image: Element): boolean {
  const width = integerAttribute(image, 'width');
  const height = integerAttribute(image, 'height');
  return width !== null && height !== null && width <= 1 && height <= 1;
}
