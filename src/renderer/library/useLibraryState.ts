import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CollectionSummary, NoteSummary } from '../../shared/api';
import { api } from '../api/client';
import type { QueryState } from '../app/useApiQuery';
import { useLiveQuery } from '../app/useLiveQuery';
import { isolate } from '../ui/bidi';
import {
  parseLibraryView,
  type LibraryFilters,
  type LibrarySort,
  type LibraryView,
} from './libraryView';

/** Which notes the note list shows while a collection is chosen, and how it says so. */
export interface NoteFilter {
  description: string;
  matches: (note: NoteSummary) => boolean;
}

export interface LibraryState {
  view: LibraryView;
  setSort: (sort: LibrarySort) => void;
  updateFilters: (update: (filters: LibraryFilters) => LibraryFilters) => void;
  collections: QueryState<CollectionSummary[]>;
  /** The collection the library and the notes are narrowed to, if any. */
  activeCollection: CollectionSummary | undefined;
  noteFilter: NoteFilter | undefined;
}

/** Per window (sessionStorage): another window keeps its own sort and filters. */
const storageKey = 'dossier.libraryView';

/**
 * The library's sort and filters, remembered across reloads, and the collections,
 * shared by the library, the collections and the note list.
 */
export function useLibraryState(): LibraryState {
  const [view, setView] = useState(() => parseLibraryView(sessionStorage.getItem(storageKey)));
  useEffect(() => sessionStorage.setItem(storageKey, JSON.stringify(view)), [view]);

  const collections = useLiveQuery(['collections'], 'collections', () => api.listCollections({}));
  const { collectionId } = view.filters;
  const activeCollection = collections.data?.find(({ id }) => id === collectionId);
  // A collection deleted (here or elsewhere) narrows nothing any more.
  if (collections.settled && collectionId !== null && !activeCollection && !collections.error) {
    setView((current) => ({ ...current, filters: { ...current.filters, collectionId: null } }));
  }

  const setSort = useCallback(
    (sort: LibrarySort) => setView((current) => ({ ...current, sort })),
    [],
  );
  const updateFilters = useCallback(
    (update: (filters: LibraryFilters) => LibraryFilters) =>
      setView((current) => ({ ...current, filters: update(current.filters) })),
    [],
  );

  const activeId = activeCollection?.id;
  const activeName = activeCollection?.name;
  const noteFilter = useMemo(
    () =>
      activeId === undefined || activeName === undefined
        ? undefined
        : {
            description: `In ${isolate(activeName)}`,
            matches: (note: NoteSummary) => note.collectionIds.includes(activeId),
          },
    [activeId, activeName],
  );

  return { view, setSort, updateFilters, collections, activeCollection, noteFilter };
}
