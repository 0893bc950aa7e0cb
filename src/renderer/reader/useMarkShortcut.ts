import { useEffect } from 'react';
import { shortcuts } from '../app/shortcuts';

/** Runs `mark` on the mark-passage key (the selection lives in the reader, not in a field). */
export function useMarkShortcut(mark: (() => void) | null): void {
  useEffect(() => {
    if (!mark) return;
    const run = mark;
    function onKeyDown(event: KeyboardEvent) {
      if (shortcuts.markPassage.matches(event)) {
        event.preventDefault();
        run();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [mark]);
}
