import { createContext, useContext } from 'react';
import type { ShownWidths, SidePane } from './paneLayout';
import type { WorkspaceLayout } from './useWorkspaceLayout';

/** A width being dragged, shown before it is kept (so only the columns redraw while dragging). */
export interface DragPreview {
  pane: SidePane;
  width: number;
}

export interface Columns {
  layout: WorkspaceLayout;
  viewportWidth: number;
  /** The panes' widths as drawn now, the drag preview included. */
  shown: ShownWidths;
  /** The widest each pane can be dragged to now. */
  maxWidth: (pane: SidePane) => number;
  dragging: SidePane | null;
  preview: (drag: DragPreview | null) => void;
}

export const ColumnsContext = createContext<Columns | null>(null);

/** The columns the caller is drawn in (Splitter). */
export function useColumns(): Columns {
  const columns = useContext(ColumnsContext);
  if (!columns) throw new Error('useColumns is only for elements inside PaneColumns');
  return columns;
}
