import { useEffect, type RefObject } from 'react';
import { passageTooShort } from '../../shared/passages';
import { startPassageDrag } from '../notes/passageLink/passageDrag';
import { selectedSpan } from './textRanges';

/**
 * Selected words dragged out of the reader carry their place in the text, so
 * a note they are dropped on marks them as a passage and links to it. Words
 * too short to be a passage travel as plain text only.
 */
export function useSelectionDrag(
  containerRef: RefObject<HTMLElement | null>,
  source: { id: string; text: string },
): void {
  const { id: sourceId, text } = source;
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    function onDragStart(event: DragEvent) {
      const span = selectedSpan(document.getSelection(), container!, text);
      if (!span || !event.dataTransfer) return;
      const quote = text.slice(span.start, span.end);
      if (passageTooShort(quote)) return;
      startPassageDrag(event.dataTransfer, { kind: 'words', sourceId, ...span, quote });
    }
    container.addEventListener('dragstart', onDragStart);
    return () => container.removeEventListener('dragstart', onDragStart);
  }, [containerRef, sourceId, text]);
}
