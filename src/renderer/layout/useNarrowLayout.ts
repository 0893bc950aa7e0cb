import { useState, useSyncExternalStore } from 'react';
import { narrowBelow } from './paneLayout';
import type { Pane } from './panes';

const narrowQuery = `(width < ${narrowBelow}px)`;

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(narrowQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export interface NarrowLayout {
  /** True while the window is too narrow for three columns: one pane shows at a time. */
  narrow: boolean;
  /** The pane shown while narrow. */
  tab: Pane;
  showTab: (pane: Pane) => void;
}

/** Whether the window is narrow, and which pane its tabs show (the reader at first). */
export function useNarrowLayout(): NarrowLayout {
  const narrow = useSyncExternalStore(subscribe, () => window.matchMedia(narrowQuery).matches);
  const [tab, showTab] = useState<Pane>('reader');
  return { narrow, tab, showTab };
}
