import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SourceSummary } from '../../shared/api';
import { ActiveFilters } from './ActiveFilters';
import { LibraryRows } from './LibraryRows';
import { LibraryToolbar } from './LibraryToolbar';
import {
  foldFilterTextsFrom,
  isListedOrder,
  rearrangeLibrary,
  siteCounts,
  withTag,
  type Arrangement,
  type LibraryView,
} from './libraryView';
import type { LibraryState } from './useLibraryState';
import './library.css';

interface LibraryListProps {
  sources: SourceSummary[] | undefined;
  /** The newest articles, listed first: they stand in until `sources` (all of them) arrive. */
  newest: SourceSummary[] | undefined;
  error: string | undefined;
  openSourceId: string | null;
  onOpen: (sourceId: string) => void;
  library: LibraryState;
}

/** The saved articles, sorted and filtered as the analyst chose (newest saved first at the start). */
export function LibraryList({
  sources,
  newest,
  error,
  openSourceId,
  onOpen,
  library,
}: LibraryListProps) {
  const { view, setSort, updateFilters, activeCollection } = library;
  // The newest stand in only where they are what the view would show first.
  const listed = sources ?? (isListedOrder(view) ? newest : undefined);
  const all = useMemo(() => listed ?? [], [listed]);
  const shown = useArrangedLibrary(all, view);
  useFilterTextsFoldedWhenIdle(sources);
  const sites = useMemo(() => {
    const counts = siteCounts(all);
    const chosen = view.filters.site;
    // A chosen site no article comes from any more stays choosable, so it can be seen and cleared.
    return chosen === null || counts.some(([site]) => site === chosen)
      ? counts
      : [...counts, [chosen, 0] as [string, number]];
  }, [all, view.filters.site]);
  const filterByTag = useCallback(
    (tag: string) => updateFilters((filters) => withTag(filters, tag)),
    [updateFilters],
  );

  return (
    <section className="sidebar-section library-section" aria-labelledby="library-heading">
      <div className="section-header">
        <h2 id="library-heading">Library</h2>
        {sources !== undefined && all.length > 0 && (
          <span className="library-count" data-testid="library-count">
            {shown.length === all.length
              ? all.length.toLocaleString()
              : `${shown.length.toLocaleString()} of ${all.length.toLocaleString()}`}
          </span>
        )}
      </div>
      {error && <p className="panel-error">The library could not be loaded: {error}</p>}
      {sources?.length === 0 && (
        <p className="empty-state">
          No articles yet — import files (web pages, PDF, Word, EPUB, Markdown, text), a folder, a
          web address, or paste.
        </p>
      )}
      {all.length > 0 && (
        <>
          <LibraryToolbar
            sort={view.sort}
            filters={view.filters}
            sites={sites}
            onSort={setSort}
            onFilters={updateFilters}
          />
          <ActiveFilters
            filters={view.filters}
            collection={activeCollection}
            onFilters={updateFilters}
          />
          {shown.length === 0 ? (
            <p className="empty-state" data-testid="library-no-match">
              No articles match these filters.
            </p>
          ) : (
            <LibraryRows
              sources={shown}
              collections={library.collections.data ?? []}
              openSourceId={openSourceId}
              onOpen={onOpen}
              onTagClick={filterByTag}
            />
          )}
        </>
      )}
    </section>
  );
}

/**
 * The library as shown, placing again only what changed since the last render
 * (see rearrangeLibrary): the last arrangement is kept as state, updated while
 * rendering when the list or the view differ (React's way to keep information
 * from earlier renders).
 */
function useArrangedLibrary(sources: SourceSummary[], view: LibraryView): SourceSummary[] {
  const [arrangement, setArrangement] = useState<Arrangement | null>(null);
  if (arrangement?.sources === sources && arrangement.view === view) return arrangement.shown;
  const next = rearrangeLibrary(arrangement, sources, view);
  setArrangement(next);
  return next.shown;
}

/**
 * Folds the whole library's filter texts in the window's idle time, so that
 * the first word typed in the filter box does not wait for 100,000 of them.
 */
function useFilterTextsFoldedWhenIdle(sources: SourceSummary[] | undefined): void {
  useEffect(() => {
    if (sources === undefined) return;
    let next = 0;
    let request = requestIdleCallback(function foldSome(deadline) {
      next = foldFilterTextsFrom(sources, next, () => deadline.timeRemaining() > 1);
      if (next < sources.length) request = requestIdleCallback(foldSome);
    });
    return () => cancelIdleCallback(request);
  }, [sources]);
}
