import type { NoteSummary, SourceDetail, SourceSummary } from '../../shared/api';
import { api } from '../api/client';
import type { Navigation } from './navigation';
import { useApiQuery, type QueryState } from './useApiQuery';
import { useRevision } from './useRevision';

export interface WorkspaceData {
  sources: QueryState<SourceSummary[]>;
  notes: QueryState<NoteSummary[]>;
  /** The open source, when one is open. */
  source: QueryState<SourceDetail>;
  /** The open source and note, or null when they no longer exist. */
  openSourceId: string | null;
  openNoteId: string | null;
  /** Changes whenever anything was written, so searches can rerun. */
  revision: string;
  refreshLibrary: () => void;
  refreshNotes: () => void;
}

/** Lists and the open source, reloaded when the library or the notes change. */
export function useWorkspaceData(navigation: Navigation): WorkspaceData {
  const [libraryRevision, refreshLibrary] = useRevision();
  const [notesRevision, refreshNotes] = useRevision();
  const sources = useApiQuery(`sources:${libraryRevision}`, () => api.listSources({}));
  const notes = useApiQuery(`notes:${notesRevision}`, () => api.listNotes({}));

  // A source or note remembered from the last visit may be gone (another database, deleted).
  const openSourceId =
    sources.settled && !sources.data?.some((item) => item.id === navigation.sourceId)
      ? null
      : navigation.sourceId;
  const openNoteId =
    notes.settled && !notes.data?.some((item) => item.id === navigation.noteId)
      ? null
      : navigation.noteId;

  const source = useApiQuery(openSourceId && `source:${openSourceId}:${libraryRevision}`, () =>
    api.getSource({ sourceId: openSourceId ?? '' }),
  );

  return {
    sources,
    notes,
    source,
    openSourceId,
    openNoteId,
    revision: `${libraryRevision}:${notesRevision}`,
    refreshLibrary,
    refreshNotes,
  };
}
