import { useLayoutEffect, type HTMLAttributes, type RefObject } from 'react';
import { placeBeside, type Box } from './floatingPlacement';

interface FloatingPanelProps extends HTMLAttributes<HTMLDivElement> {
  panelRef: RefObject<HTMLDivElement | null>;
  /** What the panel is about, in window coordinates (read again whenever the reader scrolls). */
  anchor: () => Box | null;
  /** Where the panel may be: the visible part of the reader. */
  bounds: () => Box | null;
}

/**
 * A small panel over the reader beside `anchor` (placeBeside), following it
 * as the reader scrolls or the window is resized. It is placed before it is
 * painted, so it never shows where it was.
 */
export function FloatingPanel({
  panelRef,
  anchor,
  bounds,
  className,
  ...divProps
}: FloatingPanelProps) {
  useLayoutEffect(() => {
    function place() {
      const panel = panelRef.current;
      const target = anchor();
      const area = bounds();
      if (!panel || !target || !area) return;
      const placement = placeBeside(
        target,
        { width: panel.offsetWidth, height: panel.offsetHeight },
        area,
      );
      panel.style.top = `${placement.top}px`;
      panel.style.left = `${placement.left}px`;
      panel.dataset.side = placement.side;
    }
    place();
    // Capture: the reader's own scrolling does not bubble to the window.
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  });

  return <div ref={panelRef} className={`floating-panel ${className ?? ''}`} {...divProps} />;
}
