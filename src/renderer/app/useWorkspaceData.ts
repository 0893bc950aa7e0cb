import type { NoteSummary, PassageView, SourceDetail, SourceSummary } from '../../shared/api';
import { useMemo } from 'react';
import { api } from '../api/client';
import { useLibrarySummaries } from '../library/useLibrarySummaries';
import { withPassageCounts } from '../library/withPassageCounts';
import type { Navigation } from './navigation';
import { useApiQuery, type QueryState } from './useApiQuery';
import { useLiveQuery } from './useLiveQuery';

export interface WorkspaceData {
  sources: QueryState<SourceSummary[]>;
  /** The newest saved, listed first at the start: shown while a large library is listed whole. */
  newestSources: SourceSummary[] | undefined;
  notes: QueryState<NoteSummary[]>;
  /** The open source, when one is open. */
  source: QueryState<SourceDetail>;
  /** Its passages with their backlinks (which notes change, the text does not). */
  passages: QueryState<{ sourceId: string; passages: PassageView[] }>;
  /** The open source and note, or null when they no longer exist. */
  openSourceId: string | null;
  openNoteId: string | null;
}

/** How many of the newest articles the library paints before it has them all. */
const FIRST_PAINT_SOURCES = 100;

/** The lists and the open source, each reloaded when what it shows changes. */
export function useWorkspaceData(navigation: Navigation): WorkspaceData {
  // Asked first, so the reader answers it before the whole list (a second at 100,000 articles).
  const newestSources = useApiQuery('sources:newest', () =>
    api.listSources({ newest: FIRST_PAINT_SOURCES }),
  );
  // Listing every summary is the costly read of a large library: a change reads again only
  // the sources it touched (a source's tags change only by mutations that declare 'sources':
  // tagging a note changes 'tags' and 'notes'); a passage marked reloads the counts alone.
  const summaries = useLibrarySummaries();
  const passageCounts = useLiveQuery(['sources', 'passages'], 'passage-counts', () =>
    api.listPassageCounts({}),
  );
  const counted = useMemo(
    () =>
      summaries.data && passageCounts.data
        ? withPassageCounts(summaries.data, passageCounts.data)
        : summaries.data,
    [summaries.data, passageCounts.data],
  );
  const sources = { ...summaries, data: counted };
  // Likewise, tagging an article does not list the notes again.
  const notes = useLiveQuery(['notes'], 'notes', () => api.listNotes({}));

  // A source in the trash can still be opened (from a note's link), and says where it is.
  const trash = useLiveQuery(['sources', 'notes'], 'trash', () => api.listTrash({}));

  // A source or note remembered from the last visit may be gone (another database, deleted).
  const sourceExists = (sourceId: string | null) =>
    sources.data?.some((item) => item.id === sourceId) ||
    trash.data?.some((item) => item.kind === 'source' && item.id === sourceId);
  const openSourceId =
    sources.settled && trash.settled && !sourceExists(navigation.sourceId)
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

  return {
    sources,
    newestSources: newestSources.data,
    notes,
    source,
    passages,
    openSourceId,
    openNoteId,
  };
}
