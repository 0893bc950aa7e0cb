import { InlineTags } from '../tags/InlineTags';

interface ListItemButtonProps {
  testId: string;
  isOpen: boolean;
  title: string;
  detail: string;
  tags: string[];
  onOpen: () => void;
}

/** One entry of a sidebar list (an article, a note): title, a detail line with tags, open on click. */
export function ListItemButton({
  testId,
  isOpen,
  title,
  detail,
  tags,
  onOpen,
}: ListItemButtonProps) {
  return (
    <li>
      <button
        type="button"
        className={isOpen ? 'list-item is-open' : 'list-item'}
        data-testid={testId}
        aria-current={isOpen ? 'true' : undefined}
        onClick={onOpen}
      >
        <span className="list-item-title" dir="auto">
          {title}
        </span>
        <span className="list-item-detail" dir="auto">
          {detail}
          <InlineTags tags={tags} />
        </span>
      </button>
    </li>
  );
}
