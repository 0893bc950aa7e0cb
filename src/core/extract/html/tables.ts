/**
 * Tables: telling a table that holds data (numbered, read cell by cell into
 * table-cell blocks) from one that only lays out the page (no number; its
 * cells are read as sections of the page), and keeping the row and column
 * each cell of a data table stands at.
 */
import type { BlockSpec } from '../documentBuilder';
import { childElements, integerAttribute } from './elementAttributes';

/** A table cell holding this much text is page layout, not data. */
const LAYOUT_CELL_CHARACTERS = 1000;

interface TableFrame {
  /** Null for a table used for page layout: its cells are read as sections of the page. */
  number: number | null;
  row: number;
  column: number;
  inHead: boolean;
}

export type DataTable = TableFrame & { number: number };

/** The tables the walk is inside, innermost last, and the number the next data table takes. */
export class OpenTables {
  private readonly frames: TableFrame[] = [];

  constructor(private nextNumber: number) {}

  get next(): number {
    return this.nextNumber;
  }

  open(table: Element): void {
    const number = isLayoutTable(table) ? null : this.nextNumber++;
    this.frames.push({ number, row: -1, column: 0, inHead: false });
  }

  close(): void {
    this.frames.pop();
  }

  /** The innermost table when it holds data; null in a layout table or outside any. */
  get innermostData(): DataTable | null {
    const table = this.frames[this.frames.length - 1];
    return table && table.number !== null ? (table as DataTable) : null;
  }
}

/** Enters a `thead` (`isHead`), `tbody` or `tfoot` of `table`; returns what leaves it. */
export function enterSection(table: DataTable, isHead: boolean): () => void {
  const wasInHead = table.inHead;
  table.inHead = isHead;
  return () => (table.inHead = wasInHead);
}

export function startRow(table: DataTable): void {
  table.row++;
  table.column = 0;
}

/** The block `cell` of `table` becomes; the next cell of its row starts after its `colspan`. */
export function cellSpec(table: DataTable, cell: Element, isHeader: boolean): BlockSpec {
  table.row = Math.max(table.row, 0);
  const spec: BlockSpec = {
    kind: 'tableCell',
    table: table.number,
    row: table.row,
    column: table.column,
    header: isHeader || table.inHead,
  };
  table.column += Math.min(Math.max(integerAttribute(cell, 'colspan') ?? 1, 1), 1000);
  return spec;
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
