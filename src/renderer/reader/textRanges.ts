/**
 * Conversions between offsets into a version's text (UTF-16 code units) and
 * DOM ranges in the reader, where each block is one element holding exactly
 * one text node and carrying `data-block-start`.
 */
import type { Block, PassageView } from '../../shared/api';

export interface TextSpan {
  start: number;
  end: number;
}

/** Where a passage stands in the text shown, or null for an orphan (its words have no place there). */
export function spanOf({ start, end }: Pick<PassageView, 'start' | 'end'>): TextSpan | null {
  return start === null || end === null ? null : { start, end };
}

function blockElement(container: HTMLElement, block: Block): HTMLElement | null {
  return container.querySelector<HTMLElement>(`[data-block-start="${block.start}"]`);
}

/** The DOM point of `offset`; an offset between blocks snaps forward (a start) or back (an end). */
function domPoint(
  container: HTMLElement,
  blocks: readonly Block[],
  offset: number,
  side: 'start' | 'end',
): [Node, number] | null {
  const index =
    side === 'start'
      ? blocks.findIndex((block) => offset < block.end)
      : blocks.findLastIndex((block) => offset > block.start);
  const block = blocks[index];
  if (!block) return null;
  const element = blockElement(container, block);
  const textNode = element?.firstChild;
  if (!element || !textNode) return null;
  const clamped = Math.min(Math.max(offset, block.start), block.end);
  return [textNode, clamped - block.start];
}

/** A DOM range covering [start, end) of the text, or null when it is not on screen. */
export function rangeForSpan(
  container: HTMLElement,
  blocks: readonly Block[],
  span: TextSpan,
): Range | null {
  const from = domPoint(container, blocks, span.start, 'start');
  const to = domPoint(container, blocks, span.end, 'end');
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  return range.collapsed ? null : range;
}

/** The text offset of a DOM boundary point inside the reader, or null when it is outside. */
function offsetOfPoint(container: HTMLElement, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest<HTMLElement>('[data-block-start]');
  if (block && container.contains(block)) {
    const start = Number(block.dataset.blockStart);
    if (node.nodeType === Node.TEXT_NODE) return start + offset;
    // A point on the block element itself: before or after its only text node.
    return start + (offset === 0 ? 0 : (block.textContent ?? '').length);
  }
  // A point between blocks (e.g. a triple click ends at the next block): the next block's start.
  const point = document.createRange();
  point.setStart(node, offset);
  const blocks = container.querySelectorAll<HTMLElement>('[data-block-start]');
  for (const candidate of blocks) {
    if (point.comparePoint(candidate, 0) >= 0) return Number(candidate.dataset.blockStart);
  }
  const last = blocks[blocks.length - 1];
  return last ? Number(last.dataset.blockStart) + (last.textContent ?? '').length : null;
}

/** The selected span of the text, without surrounding whitespace; null when nothing is selected in the reader. */
export function selectedSpan(
  selection: Selection | null,
  container: HTMLElement,
  text: string,
): TextSpan | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  let start = offsetOfPoint(container, range.startContainer, range.startOffset);
  let end = offsetOfPoint(container, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return start < end ? { start, end } : null;
}
