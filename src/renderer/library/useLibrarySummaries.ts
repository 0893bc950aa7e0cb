import { useEffect, useState } from 'react';
import type { SourceSummary } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { api, subscribeNotebookEvents } from '../api/client';
import type { QueryState } from '../app/useApiQuery';
import { SummaryListing, type ListingState } from './summaryListing';

/**
 * Every source's summary, read whole at the start, then kept current by
 * reading again only the sources each change touched (see SummaryListing).
 */
export function useLibrarySummaries(): QueryState<SourceSummary[]> {
  const [state, setState] = useState<ListingState>({
    summaries: undefined,
    error: undefined,
    settled: false,
  });

  useEffect(() => {
    const listing = new SummaryListing(
      {
        listAll: () => api.listSources({}),
        readSome: (sourceIds) => api.getSourceSummaries({ sourceIds }),
      },
      setState,
      errorMessage,
    );
    const unsubscribe = subscribeNotebookEvents((event) => {
      if (event.type === 'changed' && event.changed.includes('sources')) {
        listing.changed(event.sources);
      }
    });
    listing.start();
    return () => {
      unsubscribe();
      listing.stop();
    };
  }, []);

  return { data: state.summaries, error: state.error, settled: state.settled };
}
