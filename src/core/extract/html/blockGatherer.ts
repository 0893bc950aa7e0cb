/**
 * How text read in document order becomes blocks, knowing nothing of HTML:
 * which block the text being gathered will become (a paragraph, a list item,
 * one block whatever is inside it), where a block ends (the edges of block
 * elements, containers, line breaks), and how deep in quotes it stands.
 */
import type { BlockSpec, DocumentBuilder, ImageSpec, RunMark } from '../documentBuilder';
import { MAX_NESTING } from './elementKinds';
import { InlineRuns } from './inlineRuns';
import type { ListItemSpec } from './lists';
import type { Visit } from './walkTree';

export const PARAGRAPH: BlockSpec = { kind: 'paragraph' };

/** What the text being gathered will become when the block ends. */
type Owner =
  /** Paragraphs: every block element ends one. */
  | { kind: 'flow' }
  /** A list item: its paragraphs are lines of one item; a nested list, table or quote interrupts it. */
  | { kind: 'item'; spec: ListItemSpec; started: boolean }
  /** One block whatever is inside it (heading, preformatted text, caption, table cell): inner blocks become line breaks. */
  | { kind: 'leaf'; spec: BlockSpec; separator: 'line' | 'space' };

export class BlockGatherer {
  private readonly runs = new InlineRuns();
  private readonly owners: Owner[] = [{ kind: 'flow' }];
  /** Quotes open around the text; those past `MAX_NESTING` add no depth. */
  private openQuotes = 0;

  constructor(private readonly builder: DocumentBuilder) {}

  get inLeaf(): boolean {
    return this.owner.kind === 'leaf';
  }

  get inPreformatted(): boolean {
    const owner = this.owner;
    return owner.kind === 'leaf' && owner.spec.kind === 'preformatted';
  }

  private get owner(): Owner {
    return this.owners[this.owners.length - 1]!;
  }

  private get quoteDepth(): number {
    return Math.min(this.openQuotes, MAX_NESTING);
  }

  // Text, marks and images

  addText(data: string): void {
    this.runs.addText(data);
  }

  mark(mark: RunMark): Visit {
    return { descend: true, leave: this.runs.openMark(mark) };
  }

  lineBreak(): void {
    if (this.inPreformatted || !this.endsWithBreak()) {
      this.runs.addLineBreak();
    } else if (this.owner.kind === 'flow') {
      // A blank line (<br><br>) between paragraphs of text is a paragraph break.
      this.flush();
    }
  }

  private endsWithBreak(): boolean {
    return this.runs.endsWithBreak(this.inPreformatted);
  }

  /** An image goes before the block it stands in (images hold no text, so they never split one). */
  addImage(image: ImageSpec): void {
    this.builder.addImage(this.quoteDepth > 0 ? { ...image, quoteDepth: this.quoteDepth } : image);
  }

  // Blocks

  /** Ends the block being gathered, as what its owner makes it. */
  flush(): void {
    const runs = this.runs.take();
    if (!runs) return;
    const owner = this.owner;
    let spec: BlockSpec;
    if (owner.kind === 'flow') spec = PARAGRAPH;
    else if (owner.kind === 'leaf') spec = owner.spec;
    else if (!owner.started) spec = owner.spec;
    // Text of an item after a nested list or table continues the item, without a number of its own.
    else spec = { kind: 'listItem', ordered: owner.spec.ordered, depth: owner.spec.depth };
    const added = this.builder.addBlock(
      this.quoteDepth > 0 ? { ...spec, quoteDepth: this.quoteDepth } : spec,
      runs,
    );
    if (added && owner.kind === 'item') owner.started = true;
  }

  /** A block element's edge: a paragraph ends, or inside one block a line (or, in a heading, a word) ends. */
  boundary(): void {
    const owner = this.owner;
    if (owner.kind === 'flow') this.flush();
    else if (owner.kind === 'leaf' && owner.separator === 'space') this.runs.addSpace();
    else if (!this.endsWithBreak()) this.runs.addLineBreak();
  }

  private readonly boundaryOnLeave: Visit = { descend: true, leave: () => this.boundary() };

  /** An element whose edges are block edges, its content flowing on inside. */
  flowBlock(): Visit {
    this.boundary();
    return this.boundaryOnLeave;
  }

  /**
   * An element that holds blocks of its own (list, item, quote, figure,
   * table, one-block element): the text before it and the text inside it
   * end as blocks of their own. Inside a one-block element it is only a boundary.
   */
  container(open: () => void, close: () => void): Visit {
    if (this.inLeaf) return this.flowBlock();
    this.flush();
    open();
    return {
      descend: true,
      leave: () => {
        this.flush();
        close();
      },
    };
  }

  /** An element that is one block whatever it holds; `spec` is asked for once it is known to be one. */
  leaf(spec: () => BlockSpec, separator: 'line' | 'space'): Visit {
    return this.container(
      () => this.owners.push({ kind: 'leaf', spec: spec(), separator }),
      () => this.owners.pop(),
    );
  }

  listItem(spec: () => ListItemSpec): Visit {
    return this.container(
      () => this.owners.push({ kind: 'item', spec: spec(), started: false }),
      () => this.owners.pop(),
    );
  }

  quote(): Visit {
    return this.container(
      () => {
        this.openQuotes++;
        this.owners.push({ kind: 'flow' });
      },
      () => {
        this.owners.pop();
        this.openQuotes--;
      },
    );
  }
}
