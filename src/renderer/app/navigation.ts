import { useCallback, useEffect, useState } from 'react';

/** A request to show one passage; `navigation` tells two visits to the same passage apart. */
export interface PassageFocus {
  passageId: string;
  navigation: number;
}

export interface NavigationState {
  sourceId: string | null;
  focus: PassageFocus | null;
  noteId: string | null;
  /** Counts navigations, so each passage visit scrolls and flashes again. */
  navigations: number;
}

export interface Navigation extends NavigationState {
  openSource(sourceId: string): void;
  openPassage(sourceId: string, passageId: string): void;
  openNote(noteId: string | null): void;
  /** Closes the note if it is still the open one (the user may have opened another meanwhile). */
  closeNote(noteId: string): void;
}

/** The open source and note survive a reload (the data itself lives in the core). */
const storageKey = 'dossier.navigation';

function restore(): NavigationState {
  const empty = { sourceId: null, focus: null, noteId: null, navigations: 0 };
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Partial<NavigationState>;
    return {
      ...empty,
      sourceId: typeof saved.sourceId === 'string' ? saved.sourceId : null,
      noteId: typeof saved.noteId === 'string' ? saved.noteId : null,
    };
  } catch {
    return empty;
  }
}

export function useNavigation(): Navigation {
  const [state, setState] = useState(restore);

  useEffect(() => {
    localStorage.setItem(
      storageKey,
      JSON.stringify({ sourceId: state.sourceId, noteId: state.noteId }),
    );
  }, [state.sourceId, state.noteId]);

  const openSource = useCallback((sourceId: string) => {
    setState((current) => ({ ...current, sourceId, focus: null }));
  }, []);

  const openPassage = useCallback((sourceId: string, passageId: string) => {
    setState((current) => {
      const navigations = current.navigations + 1;
      return { ...current, sourceId, focus: { passageId, navigation: navigations }, navigations };
    });
  }, []);

  const openNote = useCallback((noteId: string | null) => {
    setState((current) => ({ ...current, noteId }));
  }, []);

  const closeNote = useCallback((noteId: string) => {
    setState((current) => (current.noteId === noteId ? { ...current, noteId: null } : current));
  }, []);

  return { ...state, openSource, openPassage, openNote, closeNote };
}
