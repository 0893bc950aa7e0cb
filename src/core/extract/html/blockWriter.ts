/**
 * What each element of the page means in the document model: the dispatch
 * the walk calls at every node. It chooses the structure and the marks; the
 * text is gathered into blocks by BlockGatherer. An element this dispatch and
 * the tables of elementKinds do not name is read for its text alone, which is
 * what keeps every tag, attribute and style out of the document.
 */
import type { BlockSpec, DocumentBuilder } from '../documentBuilder';
import type { HtmlBlockOptions, HtmlNumbering } from './appendHtmlBlocks';
import { BlockGatherer, PARAGRAPH } from './blockGatherer';
import { FLOW_BLOCKS, HEADING_LEVELS, INLINE_MARKS, PREFORMATTED, isSkipped } from './elementKinds';
import { OpenFigures, readImage } from './figures';
import { OpenLists } from './lists';
import { linkTarget } from './safeUrls';
import { OpenTables, cellSpec, enterSection, startRow, type DataTable } from './tables';
import { DESCEND, SKIP, type TreeVisitor, type Visit } from './walkTree';

export class BlockWriter implements TreeVisitor {
  private readonly blocks: BlockGatherer;
  private readonly lists = new OpenLists();
  private readonly tables: OpenTables;
  private readonly figures: OpenFigures;
  private readonly baseUrl: string | null;

  constructor(
    builder: DocumentBuilder,
    private readonly options: HtmlBlockOptions,
  ) {
    this.blocks = new BlockGatherer(builder);
    this.figures = new OpenFigures(options.firstFigure ?? 1);
    this.tables = new OpenTables(options.firstTable ?? 1);
    this.baseUrl = options.baseUrl ?? null;
  }

  finish(): HtmlNumbering {
    this.blocks.flush();
    return { nextFigure: this.figures.next, nextTable: this.tables.next };
  }

  enterText(data: string): void {
    this.blocks.addText(data);
  }

  enterElement(element: Element): Visit {
    const blocks = this.blocks;
    const tag = element.localName.toLowerCase();
    if (isSkipped(element, tag)) return SKIP;
    const level = HEADING_LEVELS.get(tag);
    if (level) return blocks.leaf(() => ({ kind: 'heading', level }), 'space');
    if (PREFORMATTED.has(tag)) return blocks.leaf(() => ({ kind: 'preformatted' }), 'line');
    const mark = INLINE_MARKS.get(tag);
    if (mark) return mark.kind === 'code' && blocks.inPreformatted ? DESCEND : blocks.mark(mark);
    switch (tag) {
      case 'a':
        return this.link(element);
      case 'br':
        blocks.lineBreak();
        return SKIP;
      case 'img':
        this.image(element);
        return SKIP;
      case 'hr':
        blocks.boundary();
        return SKIP;
      case 'ul':
      case 'ol':
      case 'menu':
      case 'dir':
        return blocks.container(
          () => this.lists.open(element, tag === 'ol'),
          () => this.lists.close(),
        );
      case 'li':
        return blocks.listItem(() => this.lists.itemSpec(element));
      case 'blockquote':
        return blocks.quote();
      case 'figure':
        return blocks.container(
          () => this.figures.open(),
          () => this.figures.close(),
        );
      case 'figcaption':
        return blocks.leaf(() => this.captionSpec(), 'line');
      case 'table':
        return blocks.container(
          () => this.tables.open(element),
          () => this.tables.close(),
        );
      case 'caption':
        return blocks.leaf(() => PARAGRAPH, 'line');
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
        return FLOW_BLOCKS.has(tag) ? blocks.flowBlock() : DESCEND;
    }
  }

  private link(element: Element): Visit {
    const href = element.getAttribute('href');
    const target = href ? linkTarget(href, this.baseUrl) : null;
    return target ? this.blocks.mark({ kind: 'link', href: target }) : DESCEND;
  }

  // Figures and images

  private captionSpec(): BlockSpec {
    const figure = this.figures.number();
    return figure === undefined ? PARAGRAPH : { kind: 'caption', figure };
  }

  private image(element: Element): void {
    const image = readImage(element, this.baseUrl, this.options.resolveImage);
    if (!image) return;
    const figure = this.figures.number();
    this.blocks.addImage(figure !== undefined ? { ...image, figure } : image);
  }

  // Rows and cells of data tables (a layout table's are read as sections of the page)

  /** The data table whose rows and cells are being read, or null (layout table, none, or inside a cell). */
  private get dataTable(): DataTable | null {
    return this.blocks.inLeaf ? null : this.tables.innermostData;
  }

  private tableSection(isHead: boolean): Visit {
    const table = this.dataTable;
    return table ? { descend: true, leave: enterSection(table, isHead) } : this.blocks.flowBlock();
  }

  private row(): Visit {
    const table = this.dataTable;
    if (!table) return this.blocks.flowBlock();
    this.blocks.flush();
    startRow(table);
    return DESCEND;
  }

  private cell(element: Element, isHeader: boolean): Visit {
    const table = this.dataTable;
    if (!table) return this.blocks.flowBlock();
    const spec = cellSpec(table, element, isHeader);
    return this.blocks.leaf(() => spec, 'line');
  }
}
