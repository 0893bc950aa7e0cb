/**
 * Lists: the number each item of an ordered list takes (from `start`,
 * `reversed` and an item's own `value`, as a browser counts) and the depth
 * each item stands at among the lists it is nested in.
 */
import type { BlockSpec } from '../documentBuilder';
import { childElements, integerAttribute } from './elementAttributes';
import { MAX_NESTING } from './elementKinds';

export type ListItemSpec = Extract<BlockSpec, { kind: 'listItem' }>;

interface ListFrame {
  ordered: boolean;
  next: number;
  step: 1 | -1;
}

/** The lists the walk is inside, innermost last. */
export class OpenLists {
  private readonly frames: ListFrame[] = [];

  open(list: Element, ordered: boolean): void {
    const step = ordered && list.hasAttribute('reversed') ? -1 : 1;
    const start = integerAttribute(list, 'start') ?? (step < 0 ? countListItems(list) : 1);
    this.frames.push({ ordered, next: start, step });
  }

  close(): void {
    this.frames.pop();
  }

  /** The block `item` becomes, taking the next number of the innermost list when it is ordered. */
  itemSpec(item: Element): ListItemSpec {
    const list = this.frames[this.frames.length - 1];
    const depth = Math.min(Math.max(1, this.frames.length), MAX_NESTING);
    if (!list?.ordered) return { kind: 'listItem', ordered: false, depth };
    const ordinal = integerAttribute(item, 'value') ?? list.next;
    list.next = ordinal + list.step;
    return { kind: 'listItem', ordered: true, depth, ordinal };
  }
}

function countListItems(list: Element): number {
  return childElements(list).filter((child) => child.localName.toLowerCase() === 'li').length;
}
