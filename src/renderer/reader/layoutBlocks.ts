/**
 * Groups a version's flat list of blocks into what the reader draws: block
 * quotes (by `quoteDepth`), lists nested by depth, tables, figures. Pure, so
 * the grouping is the same wherever the text is shown.
 */
import type { Block, ImageBlock, TextBlock } from '../../shared/documentModel';

export type ListItemBlock = Extract<TextBlock, { kind: 'listItem' }>;
export type TableCellBlock = Extract<TextBlock, { kind: 'tableCell' }>;
export type CaptionBlock = Extract<TextBlock, { kind: 'caption' }>;

export interface ListNode {
  type: 'list';
  ordered: boolean;
  items: ListItemNode[];
}

export interface ListItemNode {
  block: ListItemBlock;
  /** Lists nested inside this item (items of a greater depth that follow it). */
  sublists: ListNode[];
}

export type ReaderNode =
  | { type: 'text'; block: Exclude<TextBlock, ListItemBlock | TableCellBlock | CaptionBlock> }
  | { type: 'quote'; children: ReaderNode[] }
  | ListNode
  | { type: 'table'; rows: TableCellBlock[][] }
  | { type: 'figure'; images: ImageBlock[]; caption: CaptionBlock | null };

const quoteDepth = (block: Block): number => block.quoteDepth ?? 0;

/** Where the run of blocks starting at `from` that all satisfy `belongs` ends. */
function runEnd(
  blocks: readonly Block[],
  from: number,
  belongs: (block: Block) => boolean,
): number {
  let end = from;
  while (end < blocks.length && belongs(blocks[end]!)) end++;
  return end;
}

function figureOf(block: Block): number | undefined {
  if (block.kind === 'image') return block.figure;
  return block.kind === 'caption' ? block.figure : undefined;
}

export function layoutBlocks(blocks: readonly Block[], quoteLevel = 0): ReaderNode[] {
  const nodes: ReaderNode[] = [];
  let index = 0;
  while (index < blocks.length) {
    const block = blocks[index]!;
    const sameLevel = (candidate: Block) => quoteDepth(candidate) === quoteDepth(block);
    let end: number;
    if (quoteDepth(block) > quoteLevel) {
      end = runEnd(blocks, index, (candidate) => quoteDepth(candidate) > quoteLevel);
      nodes.push({
        type: 'quote',
        children: layoutBlocks(blocks.slice(index, end), quoteLevel + 1),
      });
    } else if (block.kind === 'listItem') {
      end = runEnd(blocks, index, (c) => c.kind === 'listItem' && sameLevel(c));
      nodes.push(...layoutLists(blocks.slice(index, end) as ListItemBlock[]));
    } else if (block.kind === 'tableCell') {
      end = runEnd(
        blocks,
        index,
        (c) => c.kind === 'tableCell' && c.table === block.table && sameLevel(c),
      );
      nodes.push({ type: 'table', rows: tableRows(blocks.slice(index, end) as TableCellBlock[]) });
    } else if (block.kind === 'image' || block.kind === 'caption') {
      const figure = figureOf(block);
      end =
        figure === undefined
          ? index + 1
          : runEnd(blocks, index, (c) => figureOf(c) === figure && sameLevel(c));
      const members = blocks.slice(index, end);
      nodes.push({
        type: 'figure',
        images: members.filter((member) => member.kind === 'image'),
        caption: members.find((member) => member.kind === 'caption') ?? null,
      });
    } else {
      end = index + 1;
      nodes.push({ type: 'text', block });
    }
    index = end;
  }
  return nodes;
}

/** Consecutive list items as lists: an item deeper than the ones around it goes in a list inside the item before it. */
function layoutLists(items: readonly ListItemBlock[]): ListNode[] {
  const base = Math.min(...items.map((item) => item.depth));
  const lists: ListNode[] = [];
  let current: ListNode | null = null;
  let index = 0;
  while (index < items.length) {
    const item = items[index]!;
    if (item.depth > base) {
      const end = runEnd(items, index, (candidate) => (candidate as ListItemBlock).depth > base);
      const nested = layoutLists(items.slice(index, end));
      const parent = current?.items.at(-1);
      if (parent) parent.sublists.push(...nested);
      else lists.push(...nested);
      index = end;
      continue;
    }
    if (!current || current.ordered !== item.ordered) {
      current = { type: 'list', ordered: item.ordered, items: [] };
      lists.push(current);
    }
    current.items.push({ block: item, sublists: [] });
    index++;
  }
  return lists;
}

/** A table's cells as rows, in the order the rows first appear. */
function tableRows(cells: readonly TableCellBlock[]): TableCellBlock[][] {
  const rows = new Map<number, TableCellBlock[]>();
  for (const cell of cells) {
    const row = rows.get(cell.row);
    if (row) row.push(cell);
    else rows.set(cell.row, [cell]);
  }
  return [...rows.values()];
}
