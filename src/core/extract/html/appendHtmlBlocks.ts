/**
 * Turns HTML (a page's article, an EPUB chapter, a Word or Markdown file
 * converted to HTML) into blocks of Dossier's document model.
 *
 * The walk is the sanitiser: it keeps text and the structure the model can
 * say (headings, paragraphs, lists, quotes, preformatted text, tables,
 * figures, images, strong/emphasis/code and safe links) and nothing else. No
 * markup, attribute, style or script ever reaches the builder; elements that
 * hold no readable text (scripts, styles, frames, plugins, SVG, form
 * controls) or that the page hides are skipped whole.
 *
 * It never recurses: the tree is walked with an explicit stack, so a page
 * nested 100,000 elements deep is read like any other.
 */
import type { BlockSpec, DocumentBuilder, RunMark, TextRun } from '../documentBuilder';
import { cleanField } from './oneLine';
import { embeddedImage, linkTarget, webAddress } from './safeUrls';

export interface HtmlBlockOptions {
  /** The page's address: relative links and image addresses are resolved against it. */
  baseUrl?: string | null;
  /** Turns an image reference into a `data:image/…` URL (a part of an MHTML, EPUB or Word file), or null. */
  resolveImage?: (src: string) => string | null;
  /** Numbers of the first figure and table, for callers that append several documents to one builder. */
  firstFigure?: number;
  firstTable?: number;
}

/** The numbers the next figure and table will take. */
export interface HtmlNumbering {
  nextFigure: number;
  nextTable: number;
}

/** Appends the blocks of `root` (an element, a body, a document) to `builder`, in reading order. */
export function appendHtmlBlocks(
  root: Node,
  builder: DocumentBuilder,
  options: HtmlBlockOptions = {},
): HtmlNumbering {
  const writer = new BlockWriter(builder, options);
  walkTree(root, writer);
  return writer.finish();
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Elements whose content is never text to read: skipped with everything inside them. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'iframe',
  'frame',
  'frameset',
  'noframes',
  'object',
  'embed',
  'noembed',
  'applet',
  'param',
  'svg',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'area',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'button',
  // Ruby readings and their fallback parentheses would split the words they annotate.
  'rt',
  'rp',
  // MathML's machine-readable copies of a formula (TeX, content markup) would repeat it.
  'annotation',
  'annotation-xml',
]);

/** Elements that end the paragraph before them and start a new one (content keeps flowing inside). */
const FLOW_BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'footer',
  'form',
  'header',
  'hgroup',
  'html',
  'legend',
  'main',
  'nav',
  'p',
  'search',
  'section',
  'summary',
]);

// Maps, not object literals: a page may name an element `constructor` or `__proto__`.
const INLINE_MARKS = new Map<string, RunMark>([
  ['strong', { kind: 'strong' }],
  ['b', { kind: 'strong' }],
  ['em', { kind: 'emphasis' }],
  ['i', { kind: 'emphasis' }],
  ['code', { kind: 'code' }],
  ['kbd', { kind: 'code' }],
  ['samp', { kind: 'code' }],
]);

const HEADING_LEVELS = new Map<string, 1 | 2 | 3 | 4 | 5 | 6>([
  ['h1', 1],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 5],
  ['h6', 6],
]);

/** Old elements that render their text as it is written. */
const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/** Quotes and lists nested deeper are kept at this depth: a reader draws every level. */
const MAX_NESTING = 32;

/** A table cell holding this much text is page layout, not data. */
const LAYOUT_CELL_CHARACTERS = 1000;

/** What entering a node asks of the walk: whether to go inside, and what to do on leaving it. */
interface Visit {
  descend: boolean;
  leave?: () => void;
}

const SKIP: Visit = { descend: false };
const DESCEND: Visit = { descend: true };
const LINE_BREAK: TextRun = { lineBreak: true };
const PARAGRAPH: BlockSpec = { kind: 'paragraph' };

type ListItemSpec = Extract<BlockSpec, { kind: 'listItem' }>;

/** What the text being gathered will become when the block ends. */
type Owner =
  /** Paragraphs: every block element ends one. */
  | { kind: 'flow' }
  /** A list item: its paragraphs are lines of one item; a nested list, table or quote interrupts it. */
  | { kind: 'item'; spec: ListItemSpec; started: boolean }
  /** One block whatever is inside it (heading, preformatted text, caption, table cell): inner blocks become line breaks. */
  | { kind: 'leaf'; spec: BlockSpec; separator: 'line' | 'space' };

interface ListFrame {
  ordered: boolean;
  next: number;
  step: 1 | -1;
}

interface TableFrame {
  /** Null for a table used for page layout: its cells are read as sections of the page. */
  number: number | null;
  row: number;
  column: number;
  inHead: boolean;
}

/** Depth-first, in document order, entering and leaving elements without recursion. */
function walkTree(root: Node, writer: BlockWriter): void {
  const open: { node: Node; leave: (() => void) | undefined }[] = [];
  let node: Node | null = root;
  while (node) {
    const visit = writer.enter(node);
    const child: Node | null = visit.descend ? node.firstChild : null;
    if (child) {
      open.push({ node, leave: visit.leave });
      node = child;
      continue;
    }
    visit.leave?.();
    node = following(node, root, open);
  }
}

/** The next node after `node` and its subtree, leaving the elements that end on the way. */
function following(
  node: Node,
  root: Node,
  open: { node: Node; leave: (() => void) | undefined }[],
): Node | null {
  let current = node;
  while (current !== root) {
    if (current.nextSibling) return current.nextSibling;
    const parent = open.pop();
    if (!parent) return null;
    parent.leave?.();
    current = parent.node;
  }
  return null;
}

class BlockWriter {
  private pending: TextRun[] = [];
  private readonly owners: Owner[] = [{ kind: 'flow' }];
  /** The outermost open mark of each kind, and how many of that kind are open. */
  private readonly openMarks = new Map<RunMark['kind'], { mark: RunMark; count: number }>();
  private markSnapshot: readonly RunMark[] | null = null;
  private readonly lists: ListFrame[] = [];
  private readonly tables: TableFrame[] = [];
  private readonly figures: { number: number | null }[] = [];
  private quoteDepth = 0;
  private nextFigure: number;
  private nextTable: number;
  private readonly baseUrl: string | null;

  constructor(
    private readonly builder: DocumentBuilder,
    private readonly options: HtmlBlockOptions,
  ) {
    this.nextFigure = options.firstFigure ?? 1;
    this.nextTable = options.firstTable ?? 1;
    this.baseUrl = options.baseUrl ?? null;
  }

  finish(): HtmlNumbering {
    this.flush();
    return { nextFigure: this.nextFigure, nextTable: this.nextTable };
  }

  enter(node: Node): Visit {
    switch (node.nodeType) {
      case TEXT_NODE:
      case CDATA_SECTION_NODE:
        this.addText((node as CharacterData).data);
        return SKIP;
      case ELEMENT_NODE:
        return this.enterElement(node as Element);
      case DOCUMENT_NODE:
      case DOCUMENT_FRAGMENT_NODE:
        return DESCEND;
      default:
        return SKIP;
    }
  }

  private enterElement(element: Element): Visit {
    const tag = element.localName.toLowerCase();
    if (SKIPPED.has(tag) || isHidden(element, tag)) return SKIP;
    const level = HEADING_LEVELS.get(tag);
    if (level) return this.leaf(() => ({ kind: 'heading', level }), 'space');
    if (PREFORMATTED.has(tag)) return this.leaf(() => ({ kind: 'preformatted' }), 'line');
    const mark = INLINE_MARKS.get(tag);
    if (mark) return mark.kind === 'code' && this.inPreformatted ? DESCEND : this.mark(mark);
    switch (tag) {
      case 'a':
        return this.link(element);
      case 'br':
        this.lineBreak();
        return SKIP;
      case 'img':
        this.image(element);
        return SKIP;
      case 'hr':
        this.boundary();
        return SKIP;
      case 'ul':
      case 'ol':
      case 'menu':
      case 'dir':
        return this.list(element, tag === 'ol');
      case 'li':
        return this.listItem(element);
      case 'blockquote':
        return this.quote();
      case 'figure':
        return this.figure();
      case 'figcaption':
        return this.leaf(() => this.captionSpec(), 'line');
      case 'table':
        return this.table(element);
      case 'caption':
        return this.leaf(() => PARAGRAPH, 'line');
      case 'thead':
      case 'tbody':
      case 'tfoot':
        return this.tableSection(tag === 'thead');
      case 'tr':
        return this.row();
      case 'td':
      case 'th':
        return this.cell(element, tag === 'th');
      default:
        return FLOW_BLOCKS.has(tag) ? this.flowBlock() : DESCEND;
    }
  }

  private get owner(): Owner {
    return this.owners[this.owners.length - 1]!;
  }

  private get inLeaf(): boolean {
    return this.owner.kind === 'leaf';
  }

  private get inPreformatted(): boolean {
    const owner = this.owner;
    return owner.kind === 'leaf' && owner.spec.kind === 'preformatted';
  }

  // Text and inline marks

  private addText(data: string): void {
    if (data === '') return;
    const marks = this.currentMarks();
    const last = this.pending[this.pending.length - 1];
    // Text under the same marks joins the run before it: a block is assembled from few runs.
    if (last && 'text' in last && sameMarks(last.marks ?? [], marks)) {
      last.text += data;
      return;
    }
    this.pending.push(marks.length > 0 ? { text: data, marks } : { text: data });
  }

  private mark(mark: RunMark): Visit {
    const open = this.openMarks.get(mark.kind);
    if (open) open.count++;
    else this.openMarks.set(mark.kind, { mark, count: 1 });
    this.markSnapshot = null;
    return {
      descend: true,
      leave: () => {
        const closing = this.openMarks.get(mark.kind)!;
        if (--closing.count === 0) this.openMarks.delete(mark.kind);
        this.markSnapshot = null;
      },
    };
  }

  private link(element: Element): Visit {
    const href = element.getAttribute('href');
    const target = href ? linkTarget(href, this.baseUrl) : null;
    return target ? this.mark({ kind: 'link', href: target }) : DESCEND;
  }

  /** The marks open here, each kind once (the outermost link wins: links cannot nest). */
  private currentMarks(): readonly RunMark[] {
    this.markSnapshot ??= [...this.openMarks.values()].map((open) => open.mark);
    return this.markSnapshot;
  }

  private lineBreak(): void {
    if (this.inPreformatted) {
      this.pending.push(LINE_BREAK);
    } else if (!this.endsWithBreak()) {
      this.pending.push(LINE_BREAK);
    } else if (this.owner.kind === 'flow') {
      // A blank line (<br><br>) between paragraphs of text is a paragraph break.
      this.flush();
    }
  }

  /** Whether the text gathered so far is empty or ends a line (so a break here would add nothing). */
  private endsWithBreak(): boolean {
    const preformatted = this.inPreformatted;
    for (let index = this.pending.length - 1; index >= 0; index--) {
      const run = this.pending[index]!;
      if ('lineBreak' in run) return true;
      if (preformatted && /\n[ \t]*$/.test(run.text)) return true;
      if (/\S/.test(run.text)) return false;
    }
    return true;
  }

  // Blocks

  /** Ends the block being gathered, as what its owner makes it. */
  private flush(): void {
    if (this.pending.length === 0) return;
    const runs = this.pending;
    this.pending = [];
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
  private boundary(): void {
    const owner = this.owner;
    if (owner.kind === 'flow') this.flush();
    else if (owner.kind === 'leaf' && owner.separator === 'space') this.pending.push({ text: ' ' });
    else if (!this.endsWithBreak()) this.pending.push(LINE_BREAK);
  }

  private readonly boundaryOnLeave: Visit = { descend: true, leave: () => this.boundary() };

  private flowBlock(): Visit {
    this.boundary();
    return this.boundaryOnLeave;
  }

  /** An element that is one block whatever it holds; inside another such block it is only a boundary. */
  private leaf(spec: () => BlockSpec, separator: 'line' | 'space'): Visit {
    if (this.inLeaf) return this.flowBlock();
    this.flush();
    this.owners.push({ kind: 'leaf', spec: spec(), separator });
    return { descend: true, leave: () => this.closeOwner() };
  }

  private closeOwner(): void {
    this.flush();
    this.owners.pop();
  }

  private quote(): Visit {
    if (this.inLeaf) return this.flowBlock();
    this.flush();
    const deeper = this.quoteDepth < MAX_NESTING;
    if (deeper) this.quoteDepth++;
    this.owners.push({ kind: 'flow' });
    return {
      descend: true,
      leave: () => {
        this.closeOwner();
        if (deeper) this.quoteDepth--;
      },
    };
  }

  // Lists

  private list(element: Element, ordered: boolean): Visit {
    if (this.inLeaf) return this.flowBlock();
    this.flush();
    const step = ordered && element.hasAttribute('reversed') ? -1 : 1;
    const start = integerAttribute(element, 'start') ?? (step < 0 ? countListItems(element) : 1);
    this.lists.push({ ordered, next: start, step });
    return {
      descend: true,
      leave: () => {
        this.flush();
        this.lists.pop();
      },
    };
  }

  private listItem(element: Element): Visit {
    if (this.inLeaf) return this.flowBlock();
    this.flush();
    const list = this.lists[this.lists.length - 1];
    const depth = Math.min(Math.max(1, this.lists.length), MAX_NESTING);
    let spec: ListItemSpec = { kind: 'listItem', ordered: false, depth };
    if (list?.ordered) {
      const ordinal = integerAttribute(element, 'value') ?? list.next;
      list.next = ordinal + list.step;
      spec = { kind: 'listItem', ordered: true, depth, ordinal };
    }
    this.owners.push({ kind: 'item', spec, started: false });
    return { descend: true, leave: () => this.closeOwner() };
  }

  // Figures and images

  private figure(): Visit {
    if (this.inLeaf) return this.flowBlock();
    this.flush();
    this.figures.push({ number: null });
    return {
      descend: true,
      leave: () => {
        this.flush();
        this.figures.pop();
      },
    };
  }

  /** The number of the figure being read, given when it first needs one; undefined outside figures. */
  private figureNumber(): number | undefined {
    const figure = this.figures[this.figures.length - 1];
    if (!figure) return undefined;
    figure.number ??= this.nextFigure++;
    return figure.number;
  }

  private captionSpec(): BlockSpec {
    const figure = this.figureNumber();
    return figure === undefined ? PARAGRAPH : { kind: 'caption', figure };
  }

  /** An image goes before the block it stands in (images hold no text, so they never split one). */
  private image(element: Element): void {
    if (isTrackingPixel(element)) return;
    const reference = imageReference(element);
    const resolved =
      reference && this.options.resolveImage
        ? embeddedImage(this.options.resolveImage(reference))
        : null;
    const src = resolved ?? embeddedImage(reference);
    const remoteUrl = src ? null : webAddress(reference, this.baseUrl);
    const alt = cleanField(element.getAttribute('alt') ?? element.getAttribute('title')) ?? '';
    // A placeholder with no picture, no address and no description would say nothing.
    if (!src && !remoteUrl && !alt) return;
    const figure = this.figureNumber();
    this.builder.addImage({
      src,
      alt,
      ...(remoteUrl ? { remoteUrl } : {}),
      ...(figure !== undefined ? { figure } : {}),
      ...(this.quoteDepth > 0 ? { quoteDepth: this.quoteDepth } : {}),
    });
  }

  // Tables

  private table(element: Element): Visit {
    if (this.inLeaf) return this.flowBlock();
    this.flush();
    const number = isLayoutTable(element) ? null : this.nextTable++;
    this.tables.push({ number, row: -1, column: 0, inHead: false });
    return {
      descend: true,
      leave: () => {
        this.flush();
        this.tables.pop();
      },
    };
  }

  /** The data table whose rows and cells are being read, or null (layout table, none, or inside a cell). */
  private get dataTable(): (TableFrame & { number: number }) | null {
    if (this.inLeaf) return null;
    const table = this.tables[this.tables.length - 1];
    return table && table.number !== null ? (table as TableFrame & { number: number }) : null;
  }

  private tableSection(isHead: boolean): Visit {
    const table = this.dataTable;
    if (!table) return this.flowBlock();
    const wasInHead = table.inHead;
    table.inHead = isHead;
    return { descend: true, leave: () => (table.inHead = wasInHead) };
  }

  private row(): Visit {
    const table = this.dataTable;
    if (!table) return this.flowBlock();
    this.flush();
    table.row++;
    table.column = 0;
    return DESCEND;
  }

  private cell(element: Element, isHeader: boolean): Visit {
    const table = this.dataTable;
    if (!table) return this.flowBlock();
    table.row = Math.max(table.row, 0);
    const spec: BlockSpec = {
      kind: 'tableCell',
      table: table.number,
      row: table.row,
      column: table.column,
      header: isHeader || table.inHead,
    };
    table.column += Math.min(Math.max(integerAttribute(element, 'colspan') ?? 1, 1), 1000);
    return this.leaf(() => spec, 'line');
  }
}

/** What the page hides is not part of what it says. */
function isHidden(element: Element, tag: string): boolean {
  const hidden = element.getAttribute('hidden');
  // `until-found` content is collapsed, not hidden: the browser's find reveals it.
  if (hidden !== null && hidden.toLowerCase() !== 'until-found') return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  if (tag === 'dialog' && !element.hasAttribute('open')) return true;
  const style = element.getAttribute('style');
  return (
    style !== null &&
    /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(
      style,
    )
  );
}

function sameMarks(a: readonly RunMark[], b: readonly RunMark[]): boolean {
  return (
    a.length === b.length &&
    a.every((mark, index) => {
      const other = b[index]!;
      return (
        mark.kind === other.kind &&
        (mark.kind !== 'link' || mark.href === (other as typeof mark).href)
      );
    })
  );
}

function integerAttribute(element: Element, name: string): number | null {
  const value = element.getAttribute(name);
  if (value === null || !/^\s*[+-]?\d{1,9}\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

function countListItems(list: Element): number {
  return childElements(list).filter((child) => child.localName.toLowerCase() === 'li').length;
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

/**
 * A table laid out to place parts of a page rather than to hold data. A
 * caption or header cells make a data table; otherwise one marked as layout,
 * holding another table, of a single column, or with headings or whole
 * articles in its cells is layout. Its cells are then read as sections of the page.
 */
function isLayoutTable(table: Element): boolean {
  const role = table.getAttribute('role')?.toLowerCase();
  if (role === 'presentation' || role === 'none' || table.getAttribute('datatable') === '0') {
    return true;
  }
  const rows = tableRows(table);
  const cells = rows.flat();
  const sections = childElements(table);
  if (sections.some((child) => /^(?:caption|thead)$/.test(child.localName.toLowerCase()))) {
    return false;
  }
  if (cells.some((cell) => cell.localName.toLowerCase() === 'th')) return false;
  if (table.querySelector('table')) return true;
  if (rows.every((row) => row.length <= 1)) return true;
  return cells.some(
    (cell) =>
      (cell.textContent ?? '').length > LAYOUT_CELL_CHARACTERS ||
      cell.querySelector('h1, h2, h3, h4, h5, h6') !== null,
  );
}

/** A table's own rows (not those of tables inside it), each as its cells. */
function tableRows(table: Element): Element[][] {
  const rowElements = childElements(table).flatMap((child) => {
    const tag = child.localName.toLowerCase();
    if (tag === 'tr') return [child];
    if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      return childElements(child).filter((row) => row.localName.toLowerCase() === 'tr');
    }
    return [];
  });
  return rowElements.map((row) =>
    childElements(row).filter((cell) => /^t[dh]$/i.test(cell.localName)),
  );
}

function childElements(element: Element): Element[] {
  return Array.from(element.children);
}
