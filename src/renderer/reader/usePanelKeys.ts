import type { KeyboardEvent, RefObject } from 'react';
import { useRovingFocus, type Orientation } from './rovingFocus';

/**
 * The key handler of a small panel of buttons over the page (a toolbar, a
 * menu, a row of colours): arrow keys move between its buttons
 * (useRovingFocus) and `closeKeys` close it. A key it acts on stops there, so
 * what is around it (focus mode, the list it sits in) does not act on it too.
 */
export function usePanelKeys(
  panelRef: RefObject<HTMLElement | null>,
  orientation: Orientation,
  onClose: () => void,
  closeKeys: readonly string[] = ['Escape'],
): (event: KeyboardEvent<HTMLElement>) => void {
  const moveFocus = useRovingFocus(panelRef, orientation);
  return (event) => {
    if (closeKeys.includes(event.key)) {
      event.preventDefault();
      onClose();
    } else {
      moveFocus(event);
    }
    if (event.defaultPrevented) event.stopPropagation();
  };
}
