import { useState, type KeyboardEvent } from 'react';

const ITEM_ATTRIBUTE = 'data-roving-item';

function targetIndex(key: string, current: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * One Tab stop for a row of buttons (the ARIA toolbar pattern): Tab enters at
 * the last button used, arrow keys, Home and End move between them.
 */
export function useRovingFocus(count: number) {
  const [active, setActive] = useState(0);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const next = targetIndex(event.key, active, count);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    event.currentTarget.querySelectorAll<HTMLElement>(`[${ITEM_ATTRIBUTE}]`)[next]?.focus();
  };

  const itemProps = (index: number) => ({
    [ITEM_ATTRIBUTE]: '',
    tabIndex: index === active ? 0 : -1,
    onFocus: () => setActive(index),
  });

  return { onKeyDown, itemProps };
}
