import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { ColumnsContext, type Columns, type DragPreview } from './columnsContext';
import { LayoutBar } from './LayoutBar';
import { paneMaxWidth, resizePane, shownPaneWidths } from './paneLayout';
import { useReadingSettings } from './useReadingSettings';
import { useViewportWidth } from './useViewportWidth';
import type { WorkspaceLayout } from './useWorkspaceLayout';
import './layout.css';

interface PaneColumnsProps {
  layout: WorkspaceLayout;
  /** Search results fill the reader's pane: a narrow window shows that pane when they appear. */
  searching: boolean;
  /** The library, the reader and the side panel, with a Splitter after the first and before the last. */
  children: ReactNode;
}

/**
 * The workspace's columns, drawn as `layout` says, with the layout bar above
 * the reader. The window's width and a splitter being dragged only redraw
 * these columns: the panes inside come from the caller and stay as they are.
 */
export function PaneColumns({ layout, searching, children }: PaneColumnsProps) {
  const viewportWidth = useViewportWidth();
  const reading = useReadingSettings();
  const [drag, preview] = useState<DragPreview | null>(null);

  const { reveal } = layout;
  useEffect(() => {
    if (searching) reveal('reader');
  }, [searching, reveal]);

  const chosen = layout.panes.layout;
  const columns = useMemo((): Columns => {
    const drawn = drag ? resizePane(chosen, drag.pane, drag.width, viewportWidth) : chosen;
    return {
      layout,
      viewportWidth,
      shown: shownPaneWidths(drawn, viewportWidth),
      maxWidth: (pane) => paneMaxWidth(drawn, pane, viewportWidth),
      dragging: drag?.pane ?? null,
      preview,
    };
  }, [layout, chosen, drag, viewportWidth]);

  const { shown } = columns;
  const style = {
    '--library-width': `${shown.library ?? 0}px`,
    '--side-width': `${shown.side ?? 0}px`,
    ...reading.style,
  } as CSSProperties;

  return (
    <ColumnsContext value={columns}>
      <div
        className="columns"
        data-testid="columns"
        data-layout={layout.mode}
        data-tab={layout.tab}
        data-library={shown.library === null ? 'hidden' : 'shown'}
        data-side={shown.side === null ? 'hidden' : 'shown'}
        style={style}
      >
        <LayoutBar layout={layout} reading={reading} />
        {children}
      </div>
    </ColumnsContext>
  );
}
