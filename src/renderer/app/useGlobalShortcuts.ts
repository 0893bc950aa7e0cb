import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import type { WorkspaceLayout } from '../layout/useWorkspaceLayout';
import { shortcuts } from './shortcuts';

interface Shortcuts {
  focusSearch: () => void;
  newNote: () => void;
  layout: Pick<WorkspaceLayout, 'focusMode' | 'setFocusMode' | 'togglePane'>;
}

/** The shortcuts that work anywhere in the window: search, new note, the panes and focus mode. */
export function useGlobalShortcuts({ focusSearch, newNote, layout }: Shortcuts): void {
  const { focusMode, setFocusMode, togglePane } = layout;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (shortcuts.search.matches(event)) {
        event.preventDefault();
        // Focus mode hides the search box: show it before it takes the keys.
        if (focusMode) flushSync(() => setFocusMode(false));
        focusSearch();
      } else if (shortcuts.newNote.matches(event)) {
        event.preventDefault();
        newNote();
      } else if (shortcuts.toggleLibrary.matches(event)) {
        event.preventDefault();
        togglePane('library');
      } else if (shortcuts.toggleSidePanel.matches(event)) {
        event.preventDefault();
        togglePane('side');
      } else if (shortcuts.focusMode.matches(event)) {
        event.preventDefault();
        setFocusMode(!focusMode);
      } else if (focusMode && shortcuts.leaveFocusMode.matches(event)) {
        event.preventDefault();
        setFocusMode(false);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focusSearch, newNote, focusMode, setFocusMode, togglePane]);
}
