import { useCallback, useState, type MouseEvent, type RefObject } from 'react';
import type { PassageView, SourceDetail } from '../../shared/api';
import { commonSpan } from './passageOverlaps';
import { offsetAtPoint, rangeForSpan, spanOf, type TextSpan } from './textRanges';

/** Passages overlapping where the analyst clicked, to choose one from. */
export interface PassageChoice {
  passages: PassageView[];
  /** The words they all cover, where the chooser is shown. */
  span: TextSpan;
}

export interface PassageClick {
  onClick: (event: MouseEvent<HTMLElement>) => void;
  choice: PassageChoice | null;
  closeChoice: () => void;
}

/** Clicks on what the reader's text holds besides words: links, the tag editor, buttons. */
const controls = 'a, button, input, textarea, select, summary, label';

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/** The passages drawn under the point: found by offset, then confirmed by where their lines are. */
function passagesAt(
  container: HTMLElement,
  source: Pick<SourceDetail, 'blocks' | 'passages'>,
  x: number,
  y: number,
): PassageView[] {
  const offset = offsetAtPoint(container, x, y);
  if (offset === null) return [];
  return source.passages.filter((passage) => {
    const span = spanOf(passage);
    if (!span || offset < span.start || offset > span.end) return false;
    const range = rangeForSpan(container, source.blocks, span);
    return range !== null && [...range.getClientRects()].some((rect) => contains(rect, x, y));
  });
}

/**
 * A click on a passage in the text opens it (the side panel shows it); a click
 * where passages overlap offers a choice of them. A click that ends a
 * selection is left to the selection.
 */
export function usePassageClick(
  containerRef: RefObject<HTMLElement | null>,
  source: Pick<SourceDetail, 'blocks' | 'passages'>,
  onShowPassage: (passageId: string) => void,
): PassageClick {
  const [choice, setChoice] = useState<PassageChoice | null>(null);

  const onClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      const container = containerRef.current;
      if (!container || event.button !== 0) return;
      if (event.target instanceof Element && event.target.closest(controls)) return;
      if (!(document.getSelection()?.isCollapsed ?? true)) return;
      const here = passagesAt(container, source, event.clientX, event.clientY);
      const span = commonSpan(here.map(spanOf).filter((found) => found !== null));
      if (here.length === 1) onShowPassage(here[0]!.id);
      else if (here.length > 1 && span) setChoice({ passages: here, span });
    },
    [containerRef, source, onShowPassage],
  );

  const closeChoice = useCallback(() => setChoice(null), []);
  return { onClick, choice, closeChoice };
}
