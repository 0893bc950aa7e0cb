/**
 * Where a small panel (the selection toolbar, a comment box, a chooser) goes
 * beside what it is about, in window coordinates: above it when there is room,
 * else below, and always inside the visible part of the reader.
 */

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'above' | 'below';
}

/** Space between the panel and what it points at, and kept from the reader's edges. */
const gap = 8;
const margin = 4;

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/** A `width`×`height` panel centred over `anchor`, flipped below it when the space above is too short. */
export function placeBeside(
  anchor: Box,
  size: { width: number; height: number },
  bounds: Box,
): Placement {
  const side = anchor.top - gap - size.height >= bounds.top + margin ? 'above' : 'below';
  const top = side === 'above' ? anchor.top - gap - size.height : anchor.bottom + gap;
  const centre = (anchor.left + anchor.right) / 2;
  return {
    side,
    top: clamp(top, bounds.top + margin, bounds.bottom - margin - size.height),
    left: clamp(centre - size.width / 2, bounds.left + margin, bounds.right - margin - size.width),
  };
}
