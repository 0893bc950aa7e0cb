import { useCallback, useEffect, useState } from 'react';

/** A request to show one passage; `navigation` tells two visits to the same passage apart. */
export interface PassageFocus {
  passageId: string;
  navigation: number;
}

/** A request to read an older version of the open source (a search hit found there). */
export interface VersionRequest {
  versionNumber: number;
  navigation: number;
}

export interface NavigationState {
  sourceId: string | null;
  focus: PassageFocus | null;
  version: VersionRequest | null;
  noteId: string | null;
  /** Counts navigations, so each passage visit scrolls and flashes again. */
  navigations: number;
}

export interface Navigation extends NavigationState {
  openSource(sourceId: string): void;
  openPassage(sourceId: string, passageId: string): void;
  openSourceVersion(sourceId: string, versionNumber: number): void;
  openNote(noteId: string | null): void;
  /** Closes the note if it is still the open one (the user may have opened another meanwhile). */
  closeNote(noteId: string): void;
}

/** The open source and note survive a reload (the data itself lives in the core). */
const storageKey = 'dossier.navigation';

function restore(): NavigationState {
  const empty = { sourceId: null, focus: null, version: null, noteId: null, navigations: 0 };
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
    setState((current) => ({ ...current, sourceId, focus: null, version: null }));
  }, []);

  const openPassage = useCallback((sourceId: string, passageId: string) => {
    setState((current) => {
      const navigations = current.navigations + 1;
      const focus = { passageId, navigation: navigations };
      return { ...current, sourceId, focus, version: null, navigations };
    });
  }, []);

  const openSourceVersion = useCallback((sourceId: string, versionNumber: number) => {
    setState((current) => {
      const navigations = current.navigations + 1;
      const version = { versionNumber, navigation: navigations };
      return { ...current, sourceId, focus: null, version, navigations };
    });
  }, []);

  const openNote = useCallback((noteId: string | null) => {
    setState((current) => ({ ...current, noteId }));
  }, []);

  const closeNote = useCallback((noteId: string) => {
    setState((current) => (current.noteId === noteId ? { ...current, noteId: null } : current));
  }, []);

  return { ...state, openSource, openPassage, openSourceVersion, openNote, closeNote };
}
