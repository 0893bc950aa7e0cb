import type { Block, ImageBlock, InlineMark, TextBlock } from '../../shared/documentModel';

/** A piece of a block's text with the inline formatting it is under. */
export type TextRun =
  | { text: string; marks?: readonly RunMark[] }
  /** A hard line break inside the block (<br>, a PDF line kept as a line). */
  | { lineBreak: true };

export type RunMark = { kind: 'strong' | 'emphasis' | 'code' } | { kind: 'link'; href: string };

/** A text block as an extractor describes it: everything but its place in the text. */
export type BlockSpec = TextBlock extends infer B
  ? B extends TextBlock
    ? Omit<B, 'start' | 'end' | 'marks'>
    : never
  : never;
export type ImageSpec = Omit<ImageBlock, 'kind' | 'start' | 'end'>;

const BLOCK_SEPARATOR = '\n\n';
/** Controls other than tab and line feed never reach the stored text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Whitespace collapsed to one space outside preformatted text (not NBSP: authors mean it). */
// eslint-disable-next-line no-control-regex -- the vertical tab is whitespace here
const COLLAPSIBLE_WHITESPACE = /[ \t\n\r\f\u000b]+/g;

/**
 * Builds a version text and its blocks from what an extractor walks through,
 * in reading order. Each run is NFC-normalised and cleaned on its own, so
 * inline marks keep their offsets; whitespace is collapsed (except in
 * preformatted blocks) and trimmed at the block's edges; a block left empty
 * is dropped. Offsets are UTF-16 code units of the final text.
 */
export class DocumentBuilder {
  private text = '';
  private readonly blocks: Block[] = [];
  private pendingImages: ImageSpec[] = [];

  /** Adds a text block; returns false when it held no text and was dropped. */
  addBlock(spec: BlockSpec, runs: readonly TextRun[]): boolean {
    const preserve = spec.kind === 'preformatted';
    const { content, marks } = assemble(runs, preserve);
    if (content.trim() === '') return false;

    const separator = this.text === '' ? '' : BLOCK_SEPARATOR;
    const start = this.text.length + separator.length;
    this.flushImages(start);
    this.text += separator + content;
    const block = {
      ...spec,
      start,
      end: start + content.length,
      ...(marks.length > 0 ? { marks: marks.map((mark) => shift(mark, start)) } : {}),
    } as TextBlock;
    this.blocks.push(block);
    return true;
  }

  /** Adds an image before the next text block (or at the end of the text). */
  addImage(image: ImageSpec): void {
    this.pendingImages.push(image);
  }

  /** The text so far, for extractors that look back (e.g. not repeating the title). */
  get textSoFar(): string {
    return this.text;
  }

  get blockCount(): number {
    return this.blocks.length;
  }

  build(): { text: string; blocks: Block[] } {
    this.flushImages(this.text.length);
    return { text: this.text, blocks: [...this.blocks] };
  }

  private flushImages(at: number): void {
    for (const image of this.pendingImages) {
      this.blocks.push({ kind: 'image', ...image, start: at, end: at });
    }
    this.pendingImages = [];
  }
}

interface Assembled {
  content: string;
  /** Offsets relative to the block's content. */
  marks: InlineMark[];
}

function assemble(runs: readonly TextRun[], preserveWhitespace: boolean): Assembled {
  // Pieces are joined once at the end: testing the end of a growing string would flatten it on every run.
  const pieces: string[] = [];
  let length = 0;
  let lastChar = '';
  const open = new Map<string, { mark: RunMark; start: number }>();
  const marks: InlineMark[] = [];
  const append = (piece: string) => {
    pieces.push(piece);
    length += piece.length;
    lastChar = piece[piece.length - 1] ?? lastChar;
  };

  // Spaces before a line break are dropped (they may end more than one piece).
  const dropTrailingSpaces = () => {
    while (pieces.length > 0) {
      const last = pieces[pieces.length - 1]!;
      const kept = last.replace(/ +$/, '');
      length -= last.length - kept.length;
      if (kept !== '') {
        pieces[pieces.length - 1] = kept;
        break;
      }
      pieces.pop();
    }
    lastChar = pieces.at(-1)?.at(-1) ?? '';
    for (const mark of marks) mark.end = Math.min(mark.end, length);
  };

  const closeMarksNotIn = (current: readonly RunMark[]) => {
    const keys = new Set(current.map(markKey));
    for (const [key, { mark, start }] of open) {
      if (keys.has(key)) continue;
      open.delete(key);
      pushMark(marks, mark, start, length);
    }
  };

  for (const run of runs) {
    if ('lineBreak' in run) {
      closeMarksNotIn([]);
      dropTrailingSpaces();
      append('\n');
      continue;
    }
    let piece = run.text.normalize('NFC').replace(CONTROL_CHARACTERS, '');
    if (!preserveWhitespace) {
      piece = piece.replace(COLLAPSIBLE_WHITESPACE, ' ');
      // No space at the start of the block or of a line, nor twice in a row.
      if (length === 0 || lastChar === '\n' || lastChar === ' ') piece = piece.replace(/^ /, '');
    } else {
      piece = piece.replace(/\r\n?/g, '\n');
    }
    if (piece === '') continue;
    const runMarks = run.marks ?? [];
    closeMarksNotIn(runMarks);
    for (const mark of runMarks) {
      const key = markKey(mark);
      if (!open.has(key)) open.set(key, { mark, start: length });
    }
    append(piece);
  }
  closeMarksNotIn([]);
  return trimBlock(pieces.join(''), marks, preserveWhitespace);
}

/** Trims the block's edges, keeping marks on their words (a preformatted block keeps its indentation). */
function trimBlock(content: string, marks: InlineMark[], preserveWhitespace: boolean): Assembled {
  const leading = (preserveWhitespace ? /^\n*/ : /^\s*/).exec(content)![0].length;
  const trimmed = content.slice(leading).replace(/\s+$/, '');
  const kept = marks
    .map((mark) => ({
      ...mark,
      start: clamp(mark.start - leading, trimmed.length),
      end: clamp(mark.end - leading, trimmed.length),
    }))
    .filter((mark) => mark.end > mark.start)
    .sort((a, b) => a.start - b.start);
  return { content: trimmed, marks: kept };
}

function pushMark(marks: InlineMark[], mark: RunMark, start: number, end: number): void {
  if (end <= start) return;
  marks.push(mark.kind === 'link' ? { ...mark, start, end } : { kind: mark.kind, start, end });
}

function markKey(mark: RunMark): string {
  return mark.kind === 'link' ? `link ${mark.href}` : mark.kind;
}

function shift(mark: InlineMark, by: number): InlineMark {
  return { ...mark, start: mark.start + by, end: mark.end + by };
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}
