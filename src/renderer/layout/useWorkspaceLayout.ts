import { useCallback, useMemo, useState } from 'react';
import type { SidePane } from './paneLayout';
import type { Pane } from './panes';
import { useNarrowLayout } from './useNarrowLayout';
import { usePaneLayout, type PaneSizes } from './usePaneLayout';

/** Three columns; one pane at a time with tabs (a narrow window); the reader alone (focus mode). */
export type LayoutMode = 'wide' | 'narrow' | 'focus';

export interface WorkspaceLayout {
  mode: LayoutMode;
  /** The pane the tabs show in a narrow window. */
  tab: Pane;
  showTab: (pane: Pane) => void;
  panes: PaneSizes;
  focusMode: boolean;
  setFocusMode: (on: boolean) => void;
  /** Brings `pane` into view: its tab, opened if collapsed, and out of focus mode unless it is the reader. */
  reveal: (pane: Pane) => void;
  /** Hides `pane` if it shows, shows it if not (its tab, in a narrow window). */
  togglePane: (pane: SidePane) => void;
}

/** The workspace's layout state; PaneColumns draws it, navigation and shortcuts change it. */
export function useWorkspaceLayout(): WorkspaceLayout {
  const { narrow, tab, showTab } = useNarrowLayout();
  const panes = usePaneLayout();
  const [focusMode, setFocusMode] = useState(false);
  const { setCollapsed } = panes;

  const reveal = useCallback(
    (pane: Pane) => {
      showTab(pane);
      if (pane === 'reader') return;
      setFocusMode(false);
      setCollapsed(pane, false);
    },
    [showTab, setCollapsed],
  );

  const { layout } = panes;
  const togglePane = useCallback(
    (pane: SidePane) => {
      const showing = narrow ? tab === pane : !layout[pane].collapsed;
      if (focusMode || !showing) reveal(pane);
      else if (narrow) showTab('reader');
      else setCollapsed(pane, true);
    },
    [narrow, tab, layout, focusMode, reveal, showTab, setCollapsed],
  );

  const mode: LayoutMode = focusMode ? 'focus' : narrow ? 'narrow' : 'wide';
  return useMemo(
    () => ({ mode, tab, showTab, panes, focusMode, setFocusMode, reveal, togglePane }),
    [mode, tab, showTab, panes, focusMode, reveal, togglePane],
  );
}
