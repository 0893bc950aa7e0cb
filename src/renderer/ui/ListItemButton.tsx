import type { ReactNode } from 'react';

interface ListItemButtonProps {
  testId: string;
  isOpen: boolean;
  title: string;
  detail: ReactNode;
  onOpen: () => void;
}

/** One entry of a sidebar list (an article, a note): title, a detail line, open on click. */
export function ListItemButton({ testId, isOpen, title, detail, onOpen }: ListItemButtonProps) {
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
        </span>
      </button>
    </li>
  );
}
