/**
 * Conversions between offsets into a version's text (UTF-16 code units) and
 * DOM ranges in the reader. Each text block is one element carrying
 * `data-block-start` whose text nodes, in document order, are exactly the
 * block's text (inline marks are nested elements). Image blocks hold no text
 * and are never mapped to.
 */
import type { PassageView } from '../../shared/api';
import { isTextBlock, type Block } from '../../shared/documentModel';

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

function textNodesOf(element: Node): Text[] {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * The text node and offset in it at `offset` characters into the block element.
 * A start at a boundary between two nodes goes to the next one, an end to the
 * previous one, so a range never begins or ends on an empty stretch.
 */
function pointInElement(
  element: HTMLElement,
  offset: number,
  side: 'start' | 'end',
): [Node, number] | null {
  const nodes = textNodesOf(element);
  let passed = 0;
  for (const node of nodes) {
    const length = node.data.length;
    if (side === 'start' ? offset < passed + length : offset <= passed + length) {
      return [node, offset - passed];
    }
    passed += length;
  }
  const last = nodes.at(-1);
  return last ? [last, last.data.length] : null;
}

/** The DOM point of `offset`; an offset between blocks snaps forward (a start) or back (an end). */
function domPoint(
  container: HTMLElement,
  blocks: readonly Block[],
  offset: number,
  side: 'start' | 'end',
): [Node, number] | null {
  const textBlocks = blocks.filter(isTextBlock);
  const block =
    side === 'start'
      ? textBlocks.find((candidate) => offset < candidate.end)
      : textBlocks.findLast((candidate) => offset > candidate.start);
  if (!block) return null;
  const element = blockElement(container, block);
  if (!element) return null;
  const clamped = Math.min(Math.max(offset, block.start), block.end);
  return pointInElement(element, clamped - block.start, side);
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

/** How many characters of the block's text come before the DOM point (node, offset) inside it. */
function charactersBefore(block: HTMLElement, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  // A range's string is the text of the text nodes it covers, exactly what offsets count.
  return before.toString().length;
}

/** The text offset of a DOM boundary point inside the reader, or null when it is outside. */
function offsetOfPoint(container: HTMLElement, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest<HTMLElement>('[data-block-start]');
  if (block && container.contains(block)) {
    return Number(block.dataset.blockStart) + charactersBefore(block, node, offset);
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

/** The text offset under a point of the window (a click), or null when the point is not on the reader's text. */
export function offsetAtPoint(container: HTMLElement, x: number, y: number): number | null {
  const caret = document.caretPositionFromPoint(x, y);
  return caret ? offsetOfPoint(container, caret.offsetNode, caret.offset) : null;
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
