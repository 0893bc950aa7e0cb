import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  defaultPaneLayout,
  parsePaneLayout,
  resetPane,
  resizePane,
  setPaneCollapsed,
  type PaneLayout,
  type SidePane,
} from './paneLayout';

/**
 * Saved for this window (sessionStorage, so two windows keep their own) and as
 * the starting point of the next new window (localStorage).
 */
const storageKey = 'dossier.paneLayout';

function restore(): PaneLayout {
  return (
    parsePaneLayout(sessionStorage.getItem(storageKey)) ??
    parsePaneLayout(localStorage.getItem(storageKey)) ??
    defaultPaneLayout
  );
}

export interface PaneSizes {
  layout: PaneLayout;
  /** Sets `pane`'s width, within the room a window `viewportWidth` wide leaves beside the reader. */
  resize: (pane: SidePane, width: number, viewportWidth: number) => void;
  setCollapsed: (pane: SidePane, collapsed: boolean) => void;
  reset: (pane: SidePane) => void;
}

/** The library's and the side panel's chosen widths and collapsed state, remembered. */
export function usePaneLayout(): PaneSizes {
  const [layout, setLayout] = useState(restore);

  useEffect(() => {
    const saved = JSON.stringify(layout);
    sessionStorage.setItem(storageKey, saved);
    localStorage.setItem(storageKey, saved);
  }, [layout]);

  const resize = useCallback(
    (pane: SidePane, width: number, viewportWidth: number) =>
      setLayout((current) => resizePane(current, pane, width, viewportWidth)),
    [],
  );
  const setCollapsed = useCallback(
    (pane: SidePane, collapsed: boolean) =>
      setLayout((current) => setPaneCollapsed(current, pane, collapsed)),
    [],
  );
  const reset = useCallback(
    (pane: SidePane) => setLayout((current) => resetPane(current, pane)),
    [],
  );

  return useMemo(
    () => ({ layout, resize, setCollapsed, reset }),
    [layout, resize, setCollapsed, reset],
  );
}
