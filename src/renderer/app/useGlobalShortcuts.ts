import { useEffect } from 'react';
import { shortcuts } from './shortcuts';

interface Shortcuts {
  focusSearch: () => void;
  newNote: () => void;
}

/** The shortcuts that work anywhere in the window: search and new note. */
export function useGlobalShortcuts({ focusSearch, newNote }: Shortcuts): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (shortcuts.search.matches(event)) {
        event.preventDefault();
        focusSearch();
      } else if (shortcuts.newNote.matches(event)) {
        event.preventDefault();
        newNote();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focusSearch, newNote]);
}
