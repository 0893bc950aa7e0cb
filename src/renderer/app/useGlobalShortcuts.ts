import { useEffect } from 'react';
import { hasPrimaryModifier, isTypingTarget } from '../ui/dom';

interface Shortcuts {
  focusSearch: () => void;
  newNote: () => void;
}

/** `/` or Ctrl/Cmd+K: search; Ctrl/Cmd+Alt+N: new note. */
export function useGlobalShortcuts({ focusSearch, newNote }: Shortcuts): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const key = event.key.toLowerCase();
      if (
        (key === 'k' && hasPrimaryModifier(event) && !event.altKey) ||
        (event.key === '/' && !isTypingTarget(event.target))
      ) {
        event.preventDefault();
        focusSearch();
      } else if (event.code === 'KeyN' && hasPrimaryModifier(event) && event.altKey) {
        event.preventDefault();
        newNote();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focusSearch, newNote]);
}
