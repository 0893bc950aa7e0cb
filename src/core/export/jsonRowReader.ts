/**
 * Reads a notebook export (docs/notebook-export.md) as it streams in, chunk by
 * chunk, without holding the file: the header's fields, then each table's
 * rows one at a time. Each value is cut out of the stream and given to
 * JSON.parse, which judges it; the layout (spaces, line breaks) is free.
 */
import { DossierError } from '../../shared/errors';

export interface NotebookJsonHandler {
  /** A field of the file's top-level object other than `tables`. */
  header(key: string, value: unknown): void;
  tableStart(name: string): void;
  row(table: string, row: unknown): void;
  tableEnd(name: string): void;
}

type State =
  | 'start'
  | 'topKeyOrEnd'
  | 'topKey'
  | 'topColon'
  | 'topValue'
  | 'topCommaOrEnd'
  | 'tablesOpen'
  | 'tableKeyOrEnd'
  | 'tableKey'
  | 'tableColon'
  | 'tableOpen'
  | 'rowOrEnd'
  | 'row'
  | 'rowCommaOrEnd'
  | 'tableCommaOrEnd'
  | 'done';

/** A value being cut out of the stream, perhaps across chunks. */
interface Capture {
  kind: 'string' | 'container' | 'scalar';
  parts: string[];
  depth: number;
  inString: boolean;
  escaped: boolean;
  done(value: unknown): void;
}

const WHITE_SPACE = /[ \t\r\n]/;
const SCALAR_END = /[,}\]\s]/g;
const STRING_STOP = /["\\]/g;
const CONTAINER_STOP = /["{}[\]]/g;

export class NotebookJsonReader {
  private state: State = 'start';
  private capture: Capture | null = null;
  private key = '';
  private table = '';
  /** Characters read before the current chunk, for messages. */
  private offset = 0;

  constructor(
    private readonly file: string,
    private readonly handler: NotebookJsonHandler,
  ) {}

  feed(chunk: string): void {
    let index = 0;
    while (index < chunk.length) {
      if (this.capture) {
        index = this.continueCapture(chunk, index);
      } else if (WHITE_SPACE.test(chunk[index]!)) {
        index++;
      } else {
        index = this.step(chunk, index);
      }
    }
    this.offset += chunk.length;
  }

  /** The file is over: it must have closed everything it opened. */
  end(): void {
    if (this.capture?.kind === 'scalar') this.finishCapture();
    if (this.state !== 'done' || this.capture) {
      throw new DossierError(
        'damaged',
        `${this.file} ends before the notebook does (after ${this.offset} characters): the file is cut short. Nothing was imported.`,
      );
    }
  }

  private step(chunk: string, index: number): number {
    const character = chunk[index]!;
    const expect = (wanted: string, next: State): number => {
      if (character !== wanted) this.unexpected(character, index, `"${wanted}"`);
      this.state = next;
      return index + 1;
    };
    switch (this.state) {
      case 'start':
        return expect('{', 'topKeyOrEnd');
      case 'topKeyOrEnd':
        if (character === '}') return this.finishTop(index);
        return this.startKey(chunk, index, 'topColon');
      case 'topKey':
        return this.startKey(chunk, index, 'topColon');
      case 'topColon':
        return expect(':', this.key === 'tables' ? 'tablesOpen' : 'topValue');
      case 'topValue':
        this.startCapture(character, (value) => {
          this.handler.header(this.key, value);
          this.state = 'topCommaOrEnd';
        });
        return index;
      case 'topCommaOrEnd':
        if (character === '}') return this.finishTop(index);
        return expect(',', 'topKey');
      case 'tablesOpen':
        return expect('{', 'tableKeyOrEnd');
      case 'tableKeyOrEnd':
        if (character === '}') return this.closeTables(index);
        return this.startKey(chunk, index, 'tableColon');
      case 'tableKey':
        return this.startKey(chunk, index, 'tableColon');
      case 'tableColon':
        this.table = this.key;
        return expect(':', 'tableOpen');
      case 'tableOpen':
        expect('[', 'rowOrEnd');
        this.handler.tableStart(this.table);
        return index + 1;
      case 'rowOrEnd':
        if (character === ']') return this.closeTable(index);
        return this.startRow(character, index);
      case 'row':
        return this.startRow(character, index);
      case 'rowCommaOrEnd':
        if (character === ']') return this.closeTable(index);
        return expect(',', 'row');
      case 'tableCommaOrEnd':
        if (character === '}') return this.closeTables(index);
        return expect(',', 'tableKey');
      case 'done':
        return this.unexpected(character, index, 'nothing after the notebook');
    }
  }

  private startKey(chunk: string, index: number, next: State): number {
    const character = chunk[index]!;
    if (character !== '"') this.unexpected(character, index, 'a name in double quotes');
    this.startCapture(character, (value) => {
      this.key = value as string;
      this.state = next;
    });
    return index;
  }

  private startRow(character: string, index: number): number {
    if (character !== '{') this.unexpected(character, index, `a row of ${this.table} (an object)`);
    this.startCapture(character, (row) => {
      this.handler.row(this.table, row);
      this.state = 'rowCommaOrEnd';
    });
    return index;
  }

  private closeTable(index: number): number {
    this.handler.tableEnd(this.table);
    this.state = 'tableCommaOrEnd';
    return index + 1;
  }

  private closeTables(index: number): number {
    this.state = 'topCommaOrEnd';
    return index + 1;
  }

  private finishTop(index: number): number {
    this.state = 'done';
    return index + 1;
  }

  private startCapture(first: string, done: (value: unknown) => void): void {
    const kind = first === '"' ? 'string' : first === '{' || first === '[' ? 'container' : 'scalar';
    this.capture = { kind, parts: [], depth: 0, inString: false, escaped: false, done };
  }

  /** Reads on in the value being cut out; returns where the chunk's reading goes on. */
  private continueCapture(chunk: string, from: number): number {
    const capture = this.capture!;
    if (capture.kind === 'scalar') {
      SCALAR_END.lastIndex = from;
      const end = SCALAR_END.exec(chunk)?.index ?? chunk.length;
      capture.parts.push(chunk.slice(from, end));
      if (end < chunk.length) this.finishCapture();
      return end;
    }
    let index = from;
    while (index < chunk.length) {
      if (capture.escaped) {
        capture.escaped = false;
        index++;
        continue;
      }
      const stop = capture.inString ? STRING_STOP : CONTAINER_STOP;
      stop.lastIndex = index;
      const found = stop.exec(chunk);
      if (!found) {
        index = chunk.length;
        break;
      }
      const character = found[0];
      index = found.index + 1;
      if (capture.inString) {
        if (character === '\\') capture.escaped = true;
        else capture.inString = false;
      } else if (character === '"') {
        capture.inString = true;
      } else if (character === '{' || character === '[') {
        capture.depth++;
      } else {
        capture.depth--;
      }
      const complete = capture.kind === 'string' ? !capture.inString : capture.depth === 0;
      if (complete) {
        capture.parts.push(chunk.slice(from, index));
        this.finishCapture();
        return index;
      }
    }
    capture.parts.push(chunk.slice(from, index));
    return index;
  }

  private finishCapture(): void {
    const capture = this.capture!;
    this.capture = null;
    const text = capture.parts.join('');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DossierError(
        'damaged',
        `${this.file} is not valid JSON near character ${this.offset} (${(error as Error).message}). Nothing was imported.`,
      );
    }
    capture.done(value);
  }

  private unexpected(character: string, index: number, wanted: string): never {
    throw new DossierError(
      'unsupported',
      `${this.file} is not a Dossier notebook export: at character ${this.offset + index} it has ${JSON.stringify(character)} where it should have ${wanted}.`,
    );
  }
}
