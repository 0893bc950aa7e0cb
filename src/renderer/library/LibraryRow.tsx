import { memo, useId } from 'react';
import type { SourceSummary } from '../../shared/api';
import { plural } from '../../shared/text';
import { formatPublishedDate } from '../sourceDetails/formatMetadata';
import { sourceKindLabel } from '../sourceDetails/sourceKindLabel';
import { InlineTags } from '../tags/InlineTags';
import { isolate } from '../ui/bidi';
import { startItemDrag } from './itemDrag';

interface LibraryRowProps {
  source: SourceSummary;
  /** Its place in the whole (filtered) list, from 0, and the list's length. */
  index: number;
  count: number;
  isOpen: boolean;
  /** The one row of the list that Tab reaches. */
  tabbable: boolean;
  onOpen: (sourceId: string) => void;
  onTagClick: (tag: string) => void;
  onMenu: (sourceId: string, anchor: HTMLElement) => void;
}

/**
 * One article of the library: its title and where it is from (the button that
 * opens it), its kind, passages and tags (each tag filters the library), and a menu
 * of its collections. Every row has the same height, which the virtual list counts on.
 */
export const LibraryRow = memo(function LibraryRow({
  source,
  index,
  count,
  isOpen,
  tabbable,
  onOpen,
  onTagClick,
  onMenu,
}: LibraryRowProps) {
  const detailId = useId();
  return (
    <li
      className={isOpen ? 'library-row is-open' : 'library-row'}
      data-testid="source-item"
      data-index={index}
      data-source-id={source.id}
      aria-setsize={count}
      aria-posinset={index + 1}
      draggable
      onDragStart={(event) => startItemDrag(event, { kind: 'source', id: source.id })}
      onClick={(event) => {
        // The row opens its article wherever it is clicked, but on its tags and menu.
        if (!(event.target as Element).closest('.inline-tag-button, .library-row-menu')) {
          onOpen(source.id);
        }
      }}
      onContextMenu={(event) => {
        event.preventDefault();
        onMenu(source.id, event.currentTarget.querySelector('button') ?? event.currentTarget);
      }}
    >
      <button
        type="button"
        className="library-row-open"
        data-row-button
        tabIndex={tabbable ? 0 : -1}
        aria-current={isOpen ? 'true' : undefined}
        aria-describedby={detailId}
        aria-keyshortcuts="Shift+F10"
        onKeyDown={(event) => {
          if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
            event.preventDefault();
            onMenu(source.id, event.currentTarget);
          }
        }}
      >
        <span className="list-item-title" dir="auto" title={source.title}>
          {source.title}
        </span>
        <span className="list-item-subtitle" dir="auto">
          {whereAndWhen(source)}
        </span>
      </button>
      <span className="list-item-detail" id={detailId} dir="auto">
        <span className="list-item-badge">{sourceKindLabel(source.kind)}</span>
        {plural(source.passageCount, 'passage')}
        <InlineTags tags={source.tags} onTagClick={onTagClick} />
      </span>
      <button
        type="button"
        className="row-menu-button library-row-menu"
        tabIndex={-1}
        aria-label={`Collections of ${isolate(source.title)}`}
        title="Add to a collection… (Shift+F10)"
        data-testid="source-item-menu"
        onClick={(event) => onMenu(source.id, event.currentTarget)}
      >
        ⋯
      </button>
    </li>
  );
});

/** Where and when it was published ("BBC News · 3 May 2024"); when it was saved if neither is known. */
function whereAndWhen({ siteName, publishedAt, capturedAt }: SourceSummary): string {
  const parts = [siteName, publishedAt && formatPublishedDate(publishedAt)].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : `Saved ${formatPublishedDate(capturedAt)}`;
}
