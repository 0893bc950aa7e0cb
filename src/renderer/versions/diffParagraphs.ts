/**
 * A comparison laid out as the paragraphs a reader sees: the segments split
 * where the text has a blank line (how a version separates its blocks), each
 * piece keeping where it starts in the older (`from`) and newer (`to`) text,
 * so passages can be marked on it.
 */
import type { DiffSegment } from '../../shared/api';

export interface DiffPiece {
  kind: DiffSegment['kind'];
  text: string;
  /** Offset of the piece in the `from` text (same and removed text), else null. */
  fromStart: number | null;
  /** Offset of the piece in the `to` text (same and added text), else null. */
  toStart: number | null;
}

export interface DiffParagraph {
  pieces: DiffPiece[];
  /** Something was added or removed in it. */
  changed: boolean;
}

const blockSeparator = '\n\n';

export function diffParagraphs(segments: readonly DiffSegment[]): DiffParagraph[] {
  const paragraphs: DiffParagraph[] = [];
  let pieces: DiffPiece[] = [];
  let from = 0;
  let to = 0;
  const endParagraph = () => {
    if (pieces.length > 0) {
      paragraphs.push({ pieces, changed: pieces.some((piece) => piece.kind !== 'same') });
    }
    pieces = [];
  };

  for (const { kind, text } of segments) {
    const inFrom = kind !== 'added';
    const inTo = kind !== 'removed';
    const advance = (length: number) => {
      if (inFrom) from += length;
      if (inTo) to += length;
    };
    text.split(blockSeparator).forEach((part, index) => {
      if (index > 0) {
        endParagraph();
        advance(blockSeparator.length);
      }
      if (part === '') return;
      pieces.push({
        kind,
        text: part,
        fromStart: inFrom ? from : null,
        toStart: inTo ? to : null,
      });
      advance(part.length);
    });
  }
  endParagraph();
  return paragraphs;
}
