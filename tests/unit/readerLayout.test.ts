import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/shared/documentModel';
import { layoutBlocks } from '../../src/renderer/reader/layoutBlocks';

/** A block without its place (Omit distributed over the union, so each kind keeps its fields). */
type BlockSpec = Block extends infer B
  ? B extends Block
    ? Omit<B, 'start' | 'end'>
    : never
  : never;

/** Blocks laid one after another (offsets only need to differ here). */
function blocks(...specs: BlockSpec[]): Block[] {
  return specs.map((spec, index) => ({ ...spec, start: index * 10, end: index * 10 + 5 }) as Block);
}

describe('layoutBlocks', () => {
  it('nests list items by depth and starts a new list when ordered and unordered alternate', () => {
    const nodes = layoutBlocks(
      blocks(
        { kind: 'listItem', ordered: false, depth: 1 },
        { kind: 'listItem', ordered: true, depth: 2, ordinal: 1 },
        { kind: 'listItem', ordered: true, depth: 2, ordinal: 2 },
        { kind: 'listItem', ordered: false, depth: 1 },
        { kind: 'listItem', ordered: true, depth: 1, ordinal: 7 },
        { kind: 'paragraph' },
      ),
    );
    expect(nodes.map((node) => node.type)).toEqual(['list', 'list', 'text']);
    const [bullets, numbers] = nodes;
    if (bullets?.type !== 'list' || numbers?.type !== 'list') throw new Error('lists expected');
    expect(bullets.ordered).toBe(false);
    expect(bullets.items).toHaveLength(2);
    expect(bullets.items[0]!.sublists[0]!.items.map((item) => item.block.ordinal)).toEqual([1, 2]);
    expect(numbers.items[0]!.block.ordinal).toBe(7);
  });

  it('keeps a list that starts deeper than its neighbours instead of dropping it', () => {
    const nodes = layoutBlocks(
      blocks(
        { kind: 'listItem', ordered: false, depth: 2 },
        { kind: 'listItem', ordered: false, depth: 1 },
      ),
    );
    expect(nodes).toHaveLength(2);
    expect(nodes.every((node) => node.type === 'list')).toBe(true);
  });

  it('groups cells of one table into rows and tells two tables apart', () => {
    const nodes = layoutBlocks(
      blocks(
        { kind: 'tableCell', table: 1, row: 0, column: 0, header: true },
        { kind: 'tableCell', table: 1, row: 0, column: 1, header: true },
        { kind: 'tableCell', table: 1, row: 1, column: 0, header: false },
        { kind: 'tableCell', table: 1, row: 1, column: 1, header: false },
        { kind: 'tableCell', table: 2, row: 0, column: 0, header: false },
      ),
    );
    expect(
      nodes.map((node) => (node.type === 'table' ? node.rows.map((r) => r.length) : [])),
    ).toEqual([[2, 2], [1]]);
  });

  it('puts images and the caption of one figure together, and a loose image in a figure of its own', () => {
    const nodes = layoutBlocks([
      { kind: 'image', start: 0, end: 0, src: null, alt: 'loose' },
      { kind: 'image', start: 0, end: 0, src: null, alt: 'a', figure: 1 },
      { kind: 'image', start: 0, end: 0, src: null, alt: 'b', figure: 1 },
      { kind: 'caption', start: 0, end: 9, figure: 1 },
    ]);
    expect(
      nodes.map((node) =>
        node.type === 'figure' ? [node.images.map((i) => i.alt), node.caption !== null] : null,
      ),
    ).toEqual([
      [['loose'], false],
      [['a', 'b'], true],
    ]);
  });

  it('wraps blocks in nested quotes by quote depth', () => {
    const nodes = layoutBlocks(
      blocks(
        { kind: 'paragraph' },
        { kind: 'paragraph', quoteDepth: 1 },
        { kind: 'listItem', ordered: false, depth: 1, quoteDepth: 2 },
        { kind: 'paragraph', quoteDepth: 1 },
        { kind: 'paragraph' },
      ),
    );
    expect(nodes.map((node) => node.type)).toEqual(['text', 'quote', 'text']);
    const quote = nodes[1];
    if (quote?.type !== 'quote') throw new Error('quote expected');
    expect(quote.children.map((node) => node.type)).toEqual(['text', 'quote', 'text']);
    const inner = quote.children[1];
    expect(inner?.type === 'quote' && inner.children[0]?.type).toBe('list');
  });
});
