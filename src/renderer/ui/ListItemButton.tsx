import { InlineTags } from '../tags/InlineTags';
import { listItemProps } from './arrowKeyNavigation';

interface ListItemButtonProps {
  testId: string;
  isOpen: boolean;
  title: string;
  /** A line under the title (an article's site and date), when there is one. */
  subtitle?: string;
  /** A short word before the detail line (an article's kind: Web, PDF…). */
  badge?: string;
  detail: string;
  tags: string[];
  onOpen: () => void;
  /** Makes the entry draggable (onto a collection). */
  onDragStart?: (event: React.DragEvent) => void;
}

/**
 * One entry of a sidebar list (an article, a note): title, a detail line with
 * tags, open on click or Enter; the list's arrow keys reach it.
 */
export function ListItemButton({
  testId,
  isOpen,
  title,
  subtitle,
  badge,
  detail,
  tags,
  onOpen,
  onDragStart,
}: ListItemButtonProps) {
  return (
    <li draggable={onDragStart ? true : undefined} onDragStart={onDragStart}>
      <button
        type="button"
        className={isOpen ? 'list-item is-open' : 'list-item'}
        data-testid={testId}
        aria-current={isOpen ? 'true' : undefined}
        {...listItemProps}
        onClick={onOpen}
      >
        <span className="list-item-title" dir="auto">
          {title}
        </span>
        {subtitle && (
          <span className="list-item-subtitle" dir="auto">
            {subtitle}
          </span>
        )}
        <span className="list-item-detail" dir="auto">
          {badge && <span className="list-item-badge">{badge}</span>}
          {detail}
          <InlineTags tags={tags} />
        </span>
      </button>
    </li>
  );
}
