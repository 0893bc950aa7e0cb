import type { KeyboardEvent } from 'react';

/** The item buttons of a list that arrow keys walk; each carries this attribute. */
const listItemAttribute = 'data-list-item';
export const listItemProps = { [listItemAttribute]: '' } as const;

const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'] as const;

/**
 * A keydown handler for a list container: ArrowDown/ArrowUp move the focus to
 * the next or previous item, Home and End to the first and last; Enter and
 * Space are the buttons' own. Items are the focusable elements marked with
 * `listItemProps` (nested lists of groups are walked as one).
 */
export function walkListWithArrows(event: KeyboardEvent<HTMLElement>): void {
  if (!(keys as readonly string[]).includes(event.key) || event.altKey || event.ctrlKey) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(`[${listItemAttribute}]`)];
  if (items.length === 0) return;
  const current = items.findIndex((item) => item.contains(document.activeElement));
  const next = nextIndex(event.key, current, items.length);
  event.preventDefault();
  items[next]?.focus();
  items[next]?.scrollIntoView({ block: 'nearest' });
}

function nextIndex(key: string, current: number, count: number): number {
  switch (key) {
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'ArrowUp':
      return current <= 0 ? 0 : current - 1;
    default:
      return current === -1 ? 0 : Math.min(count - 1, current + 1);
  }
}
