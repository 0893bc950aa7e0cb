import { useMemo, useRef } from 'react';
import type { VersionDiff } from '../../shared/api';
import type { TextSpan } from '../reader/textRanges';
import { diffParagraphs, type DiffPiece } from './diffParagraphs';
import { useComparisonMarks } from './useComparisonMarks';

interface DiffTextProps {
  diff: VersionDiff;
  lang: string | null;
  /** Passages on the older and the newer version, marked on their own text. */
  fromPassages: readonly TextSpan[];
  toPassages: readonly TextSpan[];
}

/**
 * Two versions inline, paragraph by paragraph: removed words struck through,
 * added words underlined, each paragraph in its own direction (dir="auto"),
 * so Persian or Hebrew reads right to left.
 */
export function DiffText({ diff, lang, fromPassages, toPassages }: DiffTextProps) {
  const paragraphs = useMemo(() => diffParagraphs(diff.segments), [diff]);
  const containerRef = useRef<HTMLDivElement>(null);
  useComparisonMarks(containerRef, fromPassages, toPassages, paragraphs);

  return (
    <div
      ref={containerRef}
      className="comparison reader-text"
      data-testid="comparison"
      lang={lang ?? undefined}
    >
      {paragraphs.map((paragraph, index) => (
        <p
          key={index}
          className={paragraph.changed ? 'comparison-block has-changes' : 'comparison-block'}
          dir="auto"
        >
          {paragraph.pieces.map((piece, pieceIndex) => (
            <Piece key={pieceIndex} piece={piece} />
          ))}
        </p>
      ))}
    </div>
  );
}

function Piece({ piece }: { piece: DiffPiece }) {
  const offsets = {
    'data-from-start': piece.fromStart ?? undefined,
    'data-to-start': piece.toStart ?? undefined,
  };
  if (piece.kind === 'added') {
    return (
      <ins className="diff-added" data-testid="diff-added" {...offsets}>
        {piece.text}
      </ins>
    );
  }
  if (piece.kind === 'removed') {
    return (
      <del className="diff-removed" data-testid="diff-removed" {...offsets}>
        {piece.text}
      </del>
    );
  }
  return <span {...offsets}>{piece.text}</span>;
}
