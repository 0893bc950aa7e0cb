/**
 * How wide the library and the side panel are as the analyst left them, and
 * how wide they can be shown in a window of a given width. The reader always
 * keeps a readable column: when the window is too narrow for the chosen
 * widths, the panes shrink towards their minimum first, then stop showing.
 * Pure, so the rules are tested without a browser.
 */

/** The panes beside the reader: the library (with the notes list) and the side panel. */
export type SidePane = 'library' | 'side';
export const sidePanes: readonly SidePane[] = ['library', 'side'];

export interface PaneState {
  /** The width chosen (CSS px); shown narrower while the window has no room for it. */
  width: number;
  collapsed: boolean;
}

export type PaneLayout = Record<SidePane, PaneState>;

/** Each pane's width in px, or null where it is not shown (collapsed, or no room). */
export type ShownWidths = Record<SidePane, number | null>;

export const paneLimits: Record<SidePane, { min: number; max: number; initial: number }> = {
  library: { min: 180, max: 480, initial: 260 },
  side: { min: 300, max: 640, initial: 400 },
};

/**
 * The reader's column never gets narrower than this: inside its padding, about
 * 40 characters of 18 px text to a line (at 400 px it was about 32, too few).
 */
export const readerMinWidth = 480;
/** The width of each of the two splitters, which stay in place while their pane is collapsed. */
export const splitterWidth = 1;
/**
 * Below this window width one pane is shown at a time. Three columns need
 * 962 px with both panes at their minimum; from 1000 px the panes keep a
 * little more than that beside the reader's minimum.
 */
export const narrowBelow = 1000;

export const defaultPaneLayout: PaneLayout = {
  library: { width: paneLimits.library.initial, collapsed: false },
  side: { width: paneLimits.side.initial, collapsed: false },
};

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The room the two panes share in a window `viewportWidth` wide. */
function paneRoom(viewportWidth: number): number {
  return viewportWidth - readerMinWidth - sidePanes.length * splitterWidth;
}

/**
 * The widths to show. Panes that do not fit shrink in proportion to how far
 * each is above its minimum; if both at their minimum still do not fit, the
 * side panel stops showing, then the library.
 */
export function shownPaneWidths(layout: PaneLayout, viewportWidth: number): ShownWidths {
  const shown: ShownWidths = { library: null, side: null };
  const open = sidePanes.filter((pane) => !layout[pane].collapsed);
  const wanted = new Map(
    open.map((pane) => {
      const { min, max } = paneLimits[pane];
      return [pane, clamp(layout[pane].width, min, max)];
    }),
  );
  let excess = -paneRoom(viewportWidth);
  let slack = 0;
  for (const [pane, width] of wanted) {
    excess += width;
    slack += width - paneLimits[pane].min;
  }
  if (open.length > 0 && excess > slack) {
    const givesWay = open.includes('side') ? 'side' : 'library';
    return shownPaneWidths(setPaneCollapsed(layout, givesWay, true), viewportWidth);
  }
  for (const [pane, width] of wanted) {
    const share = excess > 0 ? (excess * (width - paneLimits[pane].min)) / slack : 0;
    shown[pane] = Math.floor(width - share);
  }
  return shown;
}

/** The widest `pane` can be made now, beside the other pane as shown and the reader's minimum. */
export function paneMaxWidth(layout: PaneLayout, pane: SidePane, viewportWidth: number): number {
  const other = sidePanes.find((candidate) => candidate !== pane)!;
  const otherWidth = shownPaneWidths(layout, viewportWidth)[other] ?? 0;
  return Math.max(
    paneLimits[pane].min,
    Math.min(paneLimits[pane].max, paneRoom(viewportWidth) - otherWidth),
  );
}

/** `pane` set to `width` (opened if it was collapsed), within its limits and the room there is. */
export function resizePane(
  layout: PaneLayout,
  pane: SidePane,
  width: number,
  viewportWidth: number,
): PaneLayout {
  const max = paneMaxWidth(layout, pane, viewportWidth);
  return {
    ...layout,
    [pane]: { width: Math.round(clamp(width, paneLimits[pane].min, max)), collapsed: false },
  };
}

/** Collapsing keeps the width, so showing the pane again restores it. */
export function setPaneCollapsed(
  layout: PaneLayout,
  pane: SidePane,
  collapsed: boolean,
): PaneLayout {
  if (layout[pane].collapsed === collapsed) return layout;
  return { ...layout, [pane]: { ...layout[pane], collapsed } };
}

export function resetPane(layout: PaneLayout, pane: SidePane): PaneLayout {
  return { ...layout, [pane]: defaultPaneLayout[pane] };
}

/** A layout saved by `JSON.stringify`, or null when the text is not one (missing, old, damaged). */
export function parsePaneLayout(text: string | null): PaneLayout | null {
  if (text === null) return null;
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof saved !== 'object' || saved === null) return null;
  const layout = { ...defaultPaneLayout };
  for (const pane of sidePanes) {
    const state = (saved as Record<string, unknown>)[pane] as Partial<PaneState> | undefined;
    if (
      typeof state?.width !== 'number' ||
      !Number.isFinite(state.width) ||
      typeof state.collapsed !== 'boolean'
    ) {
      return null;
    }
    const { min, max } = paneLimits[pane];
    layout[pane] = { width: Math.round(clamp(state.width, min, max)), collapsed: state.collapsed };
  }
  return layout;
}
