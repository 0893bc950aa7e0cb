/**
 * The kinds of block the formatting toolbar offers: which one the cursor is
 * in, and turning the selected blocks into another kind. `$` functions: call
 * them inside an editor read or update.
 */
import { $createCodeNode, $isCodeNode } from '@lexical/code-core';
import { $insertList, $removeList, ListNode } from '@lexical/list';
import {
  $createHeadingNode,
  $createQuoteNode,
  $isHeadingNode,
  $isQuoteNode,
} from '@lexical/rich-text';
import { $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $findMatchingParent,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type ElementNode,
  type LexicalNode,
} from 'lexical';

/** Notes use one heading level: it sits under the note's title. */
const HEADING_TAG = 'h2';

export type BlockType =
  | 'paragraph'
  | 'heading'
  | 'quote'
  | 'code'
  | 'bullet'
  | 'number'
  | 'check'
  | 'other';
export type ToggledBlockType = 'heading' | 'quote' | 'code' | 'bullet' | 'number' | 'check';
type ListType = 'bullet' | 'number' | 'check';

const createBlock: Record<'heading' | 'quote' | 'code', () => ElementNode> = {
  heading: () => $createHeadingNode(HEADING_TAG),
  quote: () => $createQuoteNode(),
  // Plain monospace text: no language, so no highlighting.
  code: () => $createCodeNode(),
};

function isListType(type: ToggledBlockType): type is ListType {
  return type === 'bullet' || type === 'number' || type === 'check';
}

/** A block that holds text and inline nodes (paragraph, heading, quote, list item), not other blocks. */
function $isTextBlock(node: LexicalNode): node is ElementNode {
  if (!$isElementNode(node) || node.isInline() || $isRootOrShadowRoot(node)) return false;
  const first = node.getFirstChild();
  return first === null || !$isElementNode(first) || first.isInline();
}

/** The kind of block the cursor (the selection's anchor) is in. */
export function $selectedBlockType(): BlockType {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return 'paragraph';
  const anchor = selection.anchor.getNode();
  const listType = $getNearestNodeOfType(anchor, ListNode)?.getListType();
  if (listType) return listType;
  const block = $findMatchingParent(anchor, $isTextBlock);
  if ($isHeadingNode(block)) return block.getTag() === HEADING_TAG ? 'heading' : 'other';
  if ($isQuoteNode(block)) return 'quote';
  if ($isCodeNode(block)) return 'code';
  return 'paragraph';
}

/** Replaces each block the selection touches with a new one from `create`, keeping its content. */
export function $setSelectedBlocks(create: () => ElementNode): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const blocks = new Map<string, ElementNode>();
  for (const node of [selection.anchor.getNode(), ...selection.getNodes()]) {
    const block = $findMatchingParent(node, $isTextBlock);
    if (block) blocks.set(block.getKey(), block);
  }
  // A list item's replace() splits its list around the new block.
  for (const block of blocks.values()) block.replace(create(), true);
}

/** Makes the selected blocks `type`, or plain paragraphs again when the cursor is already in one. */
export function $toggleSelectedBlocks(type: ToggledBlockType): void {
  const isAlready = $selectedBlockType() === type;
  if (isListType(type)) {
    if (isAlready) $removeList();
    else $insertList(type);
  } else {
    $setSelectedBlocks(isAlready ? $createParagraphNode : createBlock[type]);
  }
}
