import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useColumns } from './columnsContext';
import type { SidePane } from './paneLayout';
import { paneIds, paneNames } from './panes';

/** How far one arrow key press moves a splitter, in px. */
export const splitterKeyStep = 16;

interface Drag {
  startX: number;
  startWidth: number;
  width: number | null;
}

/**
 * The line between a side pane and the reader: drag it (or focus it and use
 * Left/Right) to resize the pane; Home hides the pane, End shows it again,
 * Enter does either; a double click restores the pane's first width.
 */
export function Splitter({ pane }: { pane: SidePane }) {
  const { layout, viewportWidth, shown, maxWidth, dragging, preview } = useColumns();
  const { resize, setCollapsed, reset } = layout.panes;
  const collapsed = layout.panes.layout[pane].collapsed;
  const width = shown[pane] ?? 0;
  const drag = useRef<Drag | null>(null);

  /** The change of the pane's width when the splitter moves `dx` px to the right. */
  function growth(element: Element, dx: number): number {
    // The library is at the start of the row: on the left, unless the window reads right to left.
    const rightToLeft = getComputedStyle(element).direction === 'rtl';
    return (pane === 'library') !== rightToLeft ? dx : -dx;
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    event.preventDefault(); // no text selection while dragging
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { startX: event.clientX, startWidth: width, width: null };
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const current = drag.current;
    if (!current || !event.currentTarget.hasPointerCapture(event.pointerId)) return;
    current.width =
      current.startWidth + growth(event.currentTarget, event.clientX - current.startX);
    preview({ pane, width: current.width });
  }

  function endDrag(keep: boolean) {
    const finished = drag.current;
    drag.current = null;
    preview(null);
    if (keep && finished?.width != null) resize(pane, finished.width, viewportWidth);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const step = growth(
        event.currentTarget,
        event.key === 'ArrowRight' ? splitterKeyStep : -splitterKeyStep,
      );
      // A hidden pane comes back at its width when the splitter moves into the reader.
      if (!collapsed) resize(pane, width + step, viewportWidth);
      else if (step > 0) setCollapsed(pane, false);
    } else if (event.key === 'Home') setCollapsed(pane, true);
    else if (event.key === 'End') setCollapsed(pane, false);
    else if (event.key === 'Enter') setCollapsed(pane, !collapsed);
    else return;
    event.preventDefault();
  }

  const name = paneNames[pane];
  return (
    <div
      className="splitter"
      data-pane={pane}
      data-testid={`splitter-${pane}`}
      data-dragging={dragging === pane || undefined}
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={`Resize ${name}`}
      aria-controls={paneIds[pane]}
      aria-valuemin={0}
      aria-valuemax={maxWidth(pane)}
      aria-valuenow={width}
      aria-valuetext={collapsed ? `${name} hidden` : `${name} ${width} px wide`}
      title={`Drag to resize the ${name}; double-click for its first width`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => endDrag(true)}
      onPointerCancel={() => endDrag(false)}
      onLostPointerCapture={() => endDrag(true)}
      onDoubleClick={() => reset(pane)}
      onKeyDown={onKeyDown}
    />
  );
}
