import type { SidePane } from './paneLayout';

/** The three panes of the workspace: the library, the reader (or search results), the side panel. */
export type Pane = SidePane | 'reader';

/** The panes' element ids, which the tabs, toggles and splitters point at (aria-controls). */
export const paneIds: Record<Pane, string> = {
  library: 'workspace-library',
  reader: 'workspace-reader',
  side: 'workspace-side',
};

/** What the analyst calls each pane, in labels such as "Hide library". */
export const paneNames: Record<SidePane, string> = { library: 'library', side: 'side panel' };
