import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { CollectionSummary, SourceSummary } from '../../shared/api';
import { LibraryRow } from './LibraryRow';
import { SourceCollectionsMenu } from './SourceCollectionsMenu';
import { useVirtualRows } from './useVirtualRows';

interface LibraryRowsProps {
  sources: SourceSummary[];
  collections: CollectionSummary[];
  openSourceId: string | null;
  onOpen: (sourceId: string) => void;
  onTagClick: (tag: string) => void;
}

// What a row measures in the stylesheet (three lines), until the first one is measured.
const estimatedRowHeight = 72;
// The list keeps this much height (or all its rows' when less) however many notes follow it.
const minimumListHeight = 320;

/**
 * The articles, only the visible ones rendered. One row is in the tab order (the
 * one last focused, or the open article); Up and Down, Page Up and Page Down, Home
 * and End move between rows, Enter opens one, Shift+F10 opens its collections menu.
 */
export function LibraryRows({
  sources,
  collections,
  openSourceId,
  onOpen,
  onTagClick,
}: LibraryRowsProps) {
  const {
    scrollerRef,
    listRef,
    rows,
    paddingTop,
    paddingBottom,
    totalHeight,
    rowsPerPage,
    reveal,
  } = useVirtualRows(sources.length, estimatedRowHeight);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ sourceId: string; anchor: HTMLElement } | null>(null);
  const focusWanted = useRef<string | null>(null);

  const shown = sources.slice(rows.start, rows.end);
  const preferred = activeId ?? openSourceId;
  // When the chosen row is not rendered, the first one shown stays reachable with Tab.
  const tabbableId = shown.some(({ id }) => id === preferred) ? preferred : shown[0]?.id;

  useLayoutEffect(() => {
    const id = focusWanted.current;
    if (id === null) return;
    focusWanted.current = null;
    const row = listRef.current?.querySelector(`[data-source-id="${CSS.escape(id)}"]`);
    row?.querySelector<HTMLElement>('[data-row-button]')?.focus({ preventScroll: true });
  });

  const moveTo = (wanted: number) => {
    const index = Math.max(0, Math.min(sources.length - 1, wanted));
    const target = sources[index];
    if (!target) return;
    setActiveId(target.id);
    focusWanted.current = target.id;
    reveal(index);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const row = (event.target as Element).closest<HTMLElement>('[data-index]');
    if (!row || !(event.target as Element).matches('[data-row-button]')) return;
    const at = Number(row.dataset.index);
    const page = Math.max(1, rowsPerPage - 1);
    const next = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: sources.length - 1,
      PageDown: at + page,
      PageUp: at - page,
    }[event.key];
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    moveTo(next);
  };

  const openMenu = useCallback((sourceId: string, anchor: HTMLElement) => {
    setActiveId(sourceId);
    setMenu({ sourceId, anchor });
  }, []);
  const menuSource = menu && sources.find(({ id }) => id === menu.sourceId);

  return (
    <div
      className="library-scroller"
      ref={scrollerRef}
      data-testid="library-scroller"
      style={{ minHeight: Math.min(totalHeight, minimumListHeight) }}
    >
      <ul
        ref={listRef}
        className="library-rows"
        aria-labelledby="library-heading"
        style={{ paddingTop, paddingBottom }}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const row = (event.target as Element).closest<HTMLElement>('[data-source-id]');
          if (row?.dataset.sourceId) setActiveId(row.dataset.sourceId);
        }}
      >
        {shown.map((source, offset) => (
          <LibraryRow
            key={source.id}
            source={source}
            index={rows.start + offset}
            count={sources.length}
            isOpen={source.id === openSourceId}
            tabbable={source.id === tabbableId}
            onOpen={onOpen}
            onTagClick={onTagClick}
            onMenu={openMenu}
          />
        ))}
      </ul>
      {menu && menuSource && (
        <SourceCollectionsMenu
          source={menuSource}
          collections={collections}
          anchor={menu.anchor}
          onClose={() => setMenu(null)}
        />
      )}
    </div>
  );
}
