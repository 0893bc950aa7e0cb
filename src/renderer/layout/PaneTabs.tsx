import { useRef, type KeyboardEvent } from 'react';
import { paneIds, type Pane } from './panes';

const tabs: { pane: Pane; label: string }[] = [
  { pane: 'library', label: 'Library' },
  { pane: 'reader', label: 'Reader' },
  { pane: 'side', label: 'Passages & note' },
];

interface PaneTabsProps {
  tab: Pane;
  onSelect: (pane: Pane) => void;
}

/** One tab per pane in a narrow window; arrow keys, Home and End move between them. */
export function PaneTabs({ tab, onSelect }: PaneTabsProps) {
  const list = useRef<HTMLDivElement>(null);

  function select(index: number) {
    const next = tabs[(index + tabs.length) % tabs.length]!;
    onSelect(next.pane);
    list.current?.querySelector<HTMLElement>(`[aria-controls="${paneIds[next.pane]}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = tabs.findIndex((candidate) => candidate.pane === tab);
    // Arrows follow the tabs as drawn: in a right-to-left window the next one is on the left.
    const forward = getComputedStyle(event.currentTarget).direction === 'rtl' ? -1 : 1;
    if (event.key === 'ArrowRight') select(current + forward);
    else if (event.key === 'ArrowLeft') select(current - forward);
    else if (event.key === 'Home') select(0);
    else if (event.key === 'End') select(tabs.length - 1);
    else return;
    event.preventDefault();
  }

  return (
    <div ref={list} className="pane-tabs" role="tablist" aria-label="Panes" onKeyDown={onKeyDown}>
      {tabs.map(({ pane, label }) => (
        <button
          key={pane}
          type="button"
          role="tab"
          className="pane-tab"
          data-testid={`pane-tab-${pane}`}
          aria-selected={tab === pane}
          aria-controls={paneIds[pane]}
          tabIndex={tab === pane ? 0 : -1}
          onClick={() => onSelect(pane)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
