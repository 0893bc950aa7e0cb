/**
 * A folded text and, for each of its UTF-16 units, the range of the original text
 * it came from. One unit may come from several (a letter and its dropped accent),
 * several from one (`ﬁ` -> `fi`).
 */
export interface FoldedText {
  readonly folded: string;
  readonly originStarts: Int32Array;
  readonly originEnds: Int32Array;
  readonly originalLength: number;
}

/**
 * The range of the original text that produced `folded.slice(start, end)`, as
 * `[start, end)` in UTF-16 code units. An empty range maps to an empty range at the
 * matching place of the original.
 */
export function toOriginalRange(text: FoldedText, start: number, end: number): [number, number] {
  if (start >= end) {
    const at = start < text.folded.length ? (text.originStarts[start] ?? 0) : text.originalLength;
    return [at, at];
  }
  // Folding appends in the original's order, so the ends of the range are enough.
  return [text.originStarts[start] ?? 0, text.originEnds[end - 1] ?? text.originalLength];
}

/** Receives a folded text piece by piece, with where each piece came from. */
export interface FoldSink {
  /** Appends `piece`, every unit of which came from `original[start, end)`. */
  append(piece: string, start: number, end: number): void;
  /** Appends a piece as long as `original[start, start + piece.length)`, unit for unit. */
  appendAligned(piece: string, start: number): void;
}

/** Keeps only the text, for when nobody will ask where it came from. */
export class PlainFoldSink implements FoldSink {
  folded = '';

  append(piece: string): void {
    this.folded += piece;
  }

  appendAligned(piece: string): void {
    this.folded += piece;
  }
}

/** Keeps the text and where each unit came from. */
export class MappingFoldSink implements FoldSink {
  private folded = '';
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);

  constructor(private readonly originalLength: number) {}

  append(piece: string, start: number, end: number): void {
    const at = this.grow(piece.length);
    this.starts.fill(start, at, at + piece.length);
    this.ends.fill(end, at, at + piece.length);
    this.folded += piece;
  }

  appendAligned(piece: string, start: number): void {
    const at = this.grow(piece.length);
    for (let i = 0; i < piece.length; i++) {
      this.starts[at + i] = start + i;
      this.ends[at + i] = start + i + 1;
    }
    this.folded += piece;
  }

  result(): FoldedText {
    return {
      folded: this.folded,
      originStarts: this.starts.subarray(0, this.folded.length),
      originEnds: this.ends.subarray(0, this.folded.length),
      originalLength: this.originalLength,
    };
  }

  /** Makes room for `extra` more units and returns where they go. */
  private grow(extra: number): number {
    const at = this.folded.length;
    if (at + extra > this.starts.length) {
      const size = Math.max(at + extra, this.starts.length * 2);
      const starts = new Int32Array(size);
      const ends = new Int32Array(size);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    return at;
  }
}
