import { useEffect } from 'react';
import { isTypingTarget } from '../ui/dom';

/** The key that marks the selected text; a plain letter, so no browser shortcut is taken over. */
export const markPassageKey = 'm';

/** Runs `mark` when M is pressed outside text fields (the selection lives in the reader, not in a field). */
export function useMarkShortcut(mark: (() => void) | null): void {
  useEffect(() => {
    if (!mark) return;
    const run = mark;
    function onKeyDown(event: KeyboardEvent) {
      const plainKey = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (plainKey && event.key.toLowerCase() === markPassageKey && !isTypingTarget(event.target)) {
        event.preventDefault();
        run();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [mark]);
}
