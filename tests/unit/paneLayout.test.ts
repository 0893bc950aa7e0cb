import { describe, expect, it } from 'vitest';
import {
  defaultPaneLayout,
  narrowBelow,
  paneLimits,
  paneMaxWidth,
  parsePaneLayout,
  readerMinWidth,
  resetPane,
  resizePane,
  setPaneCollapsed,
  shownPaneWidths,
  splitterWidth,
  type PaneLayout,
} from '../../src/renderer/layout/paneLayout';

const layout = (library: number, side: number): PaneLayout => ({
  library: { width: library, collapsed: false },
  side: { width: side, collapsed: false },
});

/** What the reader is left with beside the panes as shown. */
function readerWidth(current: PaneLayout, viewportWidth: number): number {
  const shown = shownPaneWidths(current, viewportWidth);
  return viewportWidth - 2 * splitterWidth - (shown.library ?? 0) - (shown.side ?? 0);
}

describe('shownPaneWidths', () => {
  it('shows the chosen widths when the window has room for them', () => {
    expect(shownPaneWidths(layout(300, 450), 1400)).toEqual({ library: 300, side: 450 });
  });

  it('keeps widths within each pane’s limits', () => {
    expect(shownPaneWidths(layout(20, 5000), 2560)).toEqual({
      library: paneLimits.library.min,
      side: paneLimits.side.max,
    });
  });

  it('shrinks the panes, not the reader, when the window narrows, in proportion to their room above the minimum', () => {
    const chosen = layout(380, 500); // 200 and 200 above their minimums
    const shown = shownPaneWidths(chosen, 1100);
    expect(readerWidth(chosen, 1100)).toBeGreaterThanOrEqual(readerMinWidth);
    expect(shown.library! - paneLimits.library.min).toBeCloseTo(
      shown.side! - paneLimits.side.min,
      -1,
    );
    // The choice itself is kept: a wider window shows it again.
    expect(shownPaneWidths(chosen, 1600)).toEqual({ library: 380, side: 500 });
  });

  it('keeps the reader readable at every window width where three columns are shown', () => {
    for (let width = narrowBelow; width <= 2560; width += 7) {
      for (const chosen of [defaultPaneLayout, layout(480, 640), layout(180, 300)]) {
        const shown = shownPaneWidths(chosen, width);
        expect(shown.library).not.toBeNull();
        expect(shown.side).not.toBeNull();
        expect(readerWidth(chosen, width)).toBeGreaterThanOrEqual(readerMinWidth);
      }
    }
  });

  it('stops showing the side panel, then the library, when even their minimums do not fit', () => {
    const both = paneLimits.library.min + paneLimits.side.min + readerMinWidth + 2 * splitterWidth;
    expect(shownPaneWidths(defaultPaneLayout, both)).toEqual({
      library: paneLimits.library.min,
      side: paneLimits.side.min,
    });
    expect(shownPaneWidths(defaultPaneLayout, both - 1)).toEqual({ library: 260, side: null });
    expect(shownPaneWidths(defaultPaneLayout, 500)).toEqual({ library: null, side: null });
    expect(shownPaneWidths(defaultPaneLayout, 0)).toEqual({ library: null, side: null });
  });

  it('gives a collapsed pane’s room to the other one', () => {
    const justTheSidePanel = readerMinWidth + 2 * splitterWidth + 640;
    const collapsed = setPaneCollapsed(layout(300, 640), 'library', true);
    expect(shownPaneWidths(collapsed, justTheSidePanel)).toEqual({ library: null, side: 640 });
    expect(shownPaneWidths(layout(300, 640), justTheSidePanel).side).toBeLessThan(640);
    expect(readerWidth(collapsed, justTheSidePanel)).toBe(readerMinWidth);
  });
});

describe('resizePane', () => {
  it('sets the width within the pane’s limits and opens a collapsed pane', () => {
    const collapsed = setPaneCollapsed(defaultPaneLayout, 'side', true);
    expect(resizePane(collapsed, 'side', 350.4, 1600).side).toEqual({
      width: 350,
      collapsed: false,
    });
    expect(resizePane(defaultPaneLayout, 'library', 10, 1600).library.width).toBe(
      paneLimits.library.min,
    );
    expect(resizePane(defaultPaneLayout, 'library', 9000, 2560).library.width).toBe(
      paneLimits.library.max,
    );
  });

  it('stops where the reader would get narrower than its minimum', () => {
    const widened = resizePane(defaultPaneLayout, 'library', 900, 1200);
    const max = paneMaxWidth(defaultPaneLayout, 'library', 1200);
    expect(widened.library.width).toBe(max);
    expect(max).toBe(1200 - readerMinWidth - 2 * splitterWidth - 400);
    expect(readerWidth(widened, 1200)).toBe(readerMinWidth);
  });

  it('keeps the width through collapse and restore, and reset goes back to the initial width', () => {
    const resized = resizePane(defaultPaneLayout, 'side', 520, 1600);
    const restored = setPaneCollapsed(setPaneCollapsed(resized, 'side', true), 'side', false);
    expect(restored.side).toEqual({ width: 520, collapsed: false });
    expect(setPaneCollapsed(restored, 'side', false)).toBe(restored);
    expect(resetPane(setPaneCollapsed(resized, 'side', true), 'side')).toEqual(defaultPaneLayout);
  });
});

describe('parsePaneLayout', () => {
  it('reads back what was saved, within the limits', () => {
    const saved = setPaneCollapsed(layout(333, 444), 'library', true);
    expect(parsePaneLayout(JSON.stringify(saved))).toEqual(saved);
    expect(parsePaneLayout(JSON.stringify(layout(1, 99999)))).toEqual(
      layout(paneLimits.library.min, paneLimits.side.max),
    );
  });

  it('refuses missing, damaged or foreign values', () => {
    for (const text of [
      null,
      '',
      'not json',
      'null',
      '42',
      '{}',
      '{"library":{"width":"wide","collapsed":false},"side":{"width":300,"collapsed":false}}',
      '{"library":{"width":300,"collapsed":"no"},"side":{"width":300,"collapsed":false}}',
      '{"library":{"width":1e400,"collapsed":false},"side":{"width":300,"collapsed":false}}',
    ]) {
      expect(parsePaneLayout(text), String(text)).toBeNull();
    }
  });
});
