import { useEffect, useState, type RefObject } from 'react';
import { selectedSpan, type TextSpan } from './textRanges';

/** The span of the text currently selected inside the reader, kept in step with the DOM selection. */
export function useReaderSelection(
  containerRef: RefObject<HTMLElement | null>,
  text: string,
): TextSpan | null {
  const [span, setSpan] = useState<TextSpan | null>(null);

  useEffect(() => {
    function update() {
      const container = containerRef.current;
      const next = container ? selectedSpan(document.getSelection(), container, text) : null;
      setSpan((current) =>
        current?.start === next?.start && current?.end === next?.end ? current : next,
      );
    }
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [containerRef, text]);

  return span;
}
