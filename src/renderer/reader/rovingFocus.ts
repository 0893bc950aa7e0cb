import { useLayoutEffect, type KeyboardEvent, type RefObject } from 'react';

const keysByOrientation = {
  horizontal: { previous: 'ArrowLeft', next: 'ArrowRight' },
  vertical: { previous: 'ArrowUp', next: 'ArrowDown' },
} as const;

export type Orientation = keyof typeof keysByOrientation;

function buttonsIn(container: HTMLElement): HTMLButtonElement[] {
  return [...container.querySelectorAll<HTMLButtonElement>('button')];
}

function makeCurrent(buttons: HTMLButtonElement[], current: number): void {
  buttons.forEach((button, index) => (button.tabIndex = index === current ? 0 : -1));
}

/**
 * A toolbar's or a menu's buttons as one stop of the Tab key: arrow keys (and
 * Home, End) move between them, and Tab comes back to the one last reached.
 * Returns the container's key handler.
 */
export function useRovingFocus(
  containerRef: RefObject<HTMLElement | null>,
  orientation: Orientation,
): (event: KeyboardEvent<HTMLElement>) => void {
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const buttons = buttonsIn(container);
    // The button reached last stays current; buttons just drawn are not (they start at 0).
    const current = buttons.findIndex((button) => button.dataset.roving && button.tabIndex === 0);
    makeCurrent(buttons, Math.max(current, 0));
    for (const button of buttons) button.dataset.roving = 'true';
  });

  return (event) => {
    const buttons = buttonsIn(event.currentTarget);
    const keys = keysByOrientation[orientation];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const last = buttons.length - 1;
    let next: number;
    if (event.key === keys.next) next = index >= last ? 0 : index + 1;
    else if (event.key === keys.previous) next = index <= 0 ? last : index - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else return;
    event.preventDefault();
    makeCurrent(buttons, next);
    buttons[next]?.focus();
  };
}
