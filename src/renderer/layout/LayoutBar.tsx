import { shortcuts } from '../app/shortcuts';
import { FocusIcon, LibraryPaneIcon, SidePaneIcon } from './icons';
import type { SidePane } from './paneLayout';
import { paneIds, paneNames } from './panes';
import { PaneTabs } from './PaneTabs';
import { ReadingSettings } from './ReadingSettings';
import type { ReadingSettings as ReadingSettingsState } from './useReadingSettings';
import type { WorkspaceLayout } from './useWorkspaceLayout';

interface LayoutBarProps {
  layout: WorkspaceLayout;
  reading: ReadingSettingsState;
}

/**
 * The strip above the reader: hide or show the library and the side panel
 * (tabs instead in a narrow window), reading settings and focus mode, which
 * keeps only these last two.
 */
export function LayoutBar({ layout, reading }: LayoutBarProps) {
  const { mode } = layout;
  return (
    <div className="pane-bar" data-testid="pane-bar">
      {mode === 'wide' && <PaneToggle pane="library" layout={layout} />}
      {mode === 'narrow' && <PaneTabs tab={layout.tab} onSelect={layout.showTab} />}
      <div className="pane-bar-end">
        <ReadingSettings settings={reading} />
        <button
          type="button"
          className="tool-button"
          data-testid="focus-mode"
          aria-label="Focus mode"
          aria-pressed={layout.focusMode}
          title={
            layout.focusMode
              ? `Leave focus mode (${shortcuts.leaveFocusMode.keys} or ${shortcuts.focusMode.keys})`
              : `Focus mode: the article alone (${shortcuts.focusMode.keys})`
          }
          onClick={() => layout.setFocusMode(!layout.focusMode)}
        >
          <FocusIcon />
          <span className="pane-bar-button-text">Focus</span>
        </button>
        {mode === 'wide' && <PaneToggle pane="side" layout={layout} />}
      </div>
    </div>
  );
}

const toggleKeys: Record<SidePane, string> = {
  library: shortcuts.toggleLibrary.keys,
  side: shortcuts.toggleSidePanel.keys,
};

function PaneToggle({ pane, layout }: { pane: SidePane; layout: WorkspaceLayout }) {
  const shown = !layout.panes.layout[pane].collapsed;
  const label = `${shown ? 'Hide' : 'Show'} ${paneNames[pane]}`;
  return (
    <button
      type="button"
      className="tool-button"
      data-testid={`toggle-${pane}`}
      aria-label={label}
      aria-expanded={shown}
      aria-controls={paneIds[pane]}
      title={`${label} (${toggleKeys[pane]})`}
      onClick={() => layout.togglePane(pane)}
    >
      {pane === 'library' ? <LibraryPaneIcon /> : <SidePaneIcon />}
    </button>
  );
}
