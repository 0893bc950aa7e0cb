import { useCallback, useEffect, useRef, useState } from 'react';
import type { Navigation } from '../app/navigation';

/** One place the user was: an article (maybe at a passage) and the note beside it. */
export interface Place {
  sourceId: string | null;
  passageId: string | null;
  noteId: string | null;
}

export interface RecentItem {
  kind: 'source' | 'note';
  id: string;
}

export interface NavigationHistory {
  canGoBack: boolean;
  canGoForward: boolean;
  goBack: () => void;
  goForward: () => void;
  /** The articles and notes opened last in this window, the newest first. */
  recent: () => RecentItem[];
}

/** Per window, like the browser's own history; the newest first. */
const recentKey = 'dossier.recent';
const recentLength = 10;

function restoreRecent(): RecentItem[] {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(recentKey) ?? '[]');
    return Array.isArray(saved)
      ? saved.filter(
          (item): item is RecentItem =>
            (item?.kind === 'source' || item?.kind === 'note') && typeof item.id === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

function remember(item: RecentItem) {
  const others = restoreRecent().filter((old) => old.kind !== item.kind || old.id !== item.id);
  sessionStorage.setItem(recentKey, JSON.stringify([item, ...others].slice(0, recentLength)));
}

const samePlace = (a: Place, b: Place) =>
  a.sourceId === b.sourceId && a.passageId === b.passageId && a.noteId === b.noteId;

/**
 * Back and forward through the places shown in this window. The open article
 * and note live in React state (not the URL), so the history is kept here:
 * each new place is recorded, and going back shows an older one again.
 */
export function useNavigationHistory(navigation: Navigation): NavigationHistory {
  const { sourceId, noteId, openSource, openPassage, openNote } = navigation;
  const passageId = navigation.focus?.passageId ?? null;
  const places = useRef<Place[]>([]);
  // Mirrors of the refs, so a change draws the palette's Back and Forward anew.
  const [index, setIndex] = useState(-1);
  const [count, setCount] = useState(0);
  const indexRef = useRef(-1);
  // Set while a place from the history is being shown, so it is not recorded again.
  const returning = useRef(false);

  useEffect(() => {
    const place = { sourceId, passageId, noteId };
    if (!sourceId && !noteId) return;
    if (returning.current) {
      returning.current = false;
      places.current[indexRef.current] = place;
      return;
    }
    const current = places.current[indexRef.current];
    if (current && samePlace(current, place)) return;
    places.current = [...places.current.slice(0, indexRef.current + 1), place];
    indexRef.current = places.current.length - 1;
    setIndex(indexRef.current);
    setCount(places.current.length);
  }, [sourceId, passageId, noteId]);

  useEffect(() => {
    if (sourceId) remember({ kind: 'source', id: sourceId });
  }, [sourceId]);
  useEffect(() => {
    if (noteId) remember({ kind: 'note', id: noteId });
  }, [noteId]);

  const goTo = useCallback(
    (target: number) => {
      const place = places.current[target];
      if (!place) return;
      indexRef.current = target;
      setIndex(target);
      // An older place without an article keeps the open one (there is no "close article").
      const shown = {
        sourceId: place.sourceId ?? sourceId,
        passageId: place.sourceId ? place.passageId : passageId,
        noteId: place.noteId,
      };
      if (samePlace(shown, { sourceId, passageId, noteId })) return;
      returning.current = true;
      if (place.sourceId && place.passageId) openPassage(place.sourceId, place.passageId);
      else if (place.sourceId) openSource(place.sourceId);
      openNote(place.noteId);
    },
    [sourceId, passageId, noteId, openSource, openPassage, openNote],
  );

  return {
    canGoBack: index > 0,
    canGoForward: index < count - 1,
    goBack: useCallback(() => goTo(indexRef.current - 1), [goTo]),
    goForward: useCallback(() => goTo(indexRef.current + 1), [goTo]),
    recent: restoreRecent,
  };
}
