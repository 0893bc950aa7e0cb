import type { NoteSummary, PassageView, SourceDetail, SourceSummary } from '../../shared/api';
import { api } from '../api/client';
import type { Navigation } from './navigation';
import type { QueryState } from './useApiQuery';
import { useLiveQuery } from './useLiveQuery';

export interface WorkspaceData {
  sources: QueryState<SourceSummary[]>;
  notes: QueryState<NoteSummary[]>;
  /** The open source, when one is open. */
  source: QueryState<SourceDetail>;
  /** Its passages with their backlinks (which notes change, the text does not). */
  passages: QueryState<{ sourceId: string; passages: PassageView[] }>;
  /** The open source and note, or null when they no longer exist. */
  openSourceId: string | null;
  openNoteId: string | null;
}

/** The lists and the open source, each reloaded when what it shows changes. */
export function useWorkspaceData(navigation: Navigation): WorkspaceData {
  // A source's summary counts its passages and lists its tags.
  const sources = useLiveQuery(['sources', 'passages', 'tags'], 'sources', () =>
    api.listSources({}),
  );
  const notes = useLiveQuery(['notes', 'tags'], 'notes', () => api.listNotes({}));

  // A source or note remembered from the last visit may be gone (another database, deleted).
  const openSourceId =
    sources.settled && !sources.data?.some((item) => item.id === navigation.sourceId)
      ? null
      : navigation.sourceId;
  const openNoteId =
    notes.settled && !notes.data?.some((item) => item.id === navigation.noteId)
      ? null
      : navigation.noteId;

  // Saving a note reloads the short list of passages, not the article's whole text.
  const source = useLiveQuery(
    ['sources', 'passages', 'tags'],
    openSourceId && `source:${openSourceId}`,
    () => api.getSource({ sourceId: openSourceId ?? '' }),
  );
  const passages = useLiveQuery(
    ['passages', 'notes'],
    openSourceId && `passages:${openSourceId}`,
    async () => {
      const sourceId = openSourceId ?? '';
      return { sourceId, passages: await api.listPassages({ sourceId }) };
    },
  );

  return { sources, notes, source, passages, openSourceId, openNoteId };
}
