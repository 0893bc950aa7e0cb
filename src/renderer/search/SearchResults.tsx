import { useEffect, useRef, type RefObject } from 'react';
import type { SearchHit, SearchHitKind, SearchSnippet } from '../../shared/api';
import { plural } from '../../shared/text';
import { listItemProps, walkListWithArrows } from '../ui/arrowKeyNavigation';
import { isolate } from '../ui/bidi';
import type { Search, SearchState } from './useSearch';
import { Snippet } from './Snippet';
import { LATER_SNIPPET_ATTRIBUTE, useLaterSnippets } from './useLaterSnippets';

const groups: Array<{ kind: SearchHitKind; heading: string }> = [
  { kind: 'source', heading: 'Articles' },
  { kind: 'passage', heading: 'Passages' },
  { kind: 'note', heading: 'Notes' },
];

function quotedInLabel(count: number): string {
  return `Quoted in ${plural(count, 'note')}`;
}

interface SearchResultsProps {
  query: string;
  search: Search;
  onOpenHit: (hit: SearchHit) => void;
  /** Escape in the results: back to the search box. */
  onBackOut: () => void;
}

/**
 * Results of the search box, grouped by kind, best first within each group.
 * Arrow keys walk them (ArrowDown in the search box comes here first).
 */
export function SearchResults({ query, search, onOpenHit, onBackOut }: SearchResultsProps) {
  const { result } = search;
  const upToDate = result?.query === query.trim();
  const panel = useRef<HTMLElement>(null);
  const later = useLaterSnippets(result, panel);
  const focusNewResultsAfter = useFocusOnMore(panel, result);
  return (
    <section
      ref={panel}
      className="search-results"
      data-testid="search-results"
      aria-busy={!upToDate}
      aria-label="Search results"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return walkListWithArrows(event);
        event.preventDefault();
        onBackOut();
      }}
    >
      {!result && <p className="loading">Searching…</p>}
      {result?.error && <p className="panel-error">Search failed: {result.error}</p>}
      {result && !result.error && result.hits.length === 0 && (
        <p className="empty-state">No results for {isolate(result.query)}.</p>
      )}
      {groups.map(({ kind, heading }) => {
        // Each hit keeps its index in the results: its later snippet is found by it.
        const hits = (result?.hits ?? [])
          .map((hit, index) => ({ hit, index }))
          .filter(({ hit }) => hit.kind === kind);
        if (hits.length === 0) return null;
        return (
          <section key={kind} className="search-group" data-testid={`search-group-${kind}`}>
            <h2>
              {heading} <span className="count">{hits.length}</span>
            </h2>
            <ul>
              {hits.map(({ hit, index }) => (
                <li key={`${hit.kind}:${hit.id}`}>
                  <button
                    type="button"
                    className="search-hit"
                    data-testid="search-hit"
                    data-kind={hit.kind}
                    {...{ [RESULT_INDEX_ATTRIBUTE]: index }}
                    {...listItemProps}
                    onClick={() => onOpenHit(hit)}
                  >
                    <span className="search-hit-title" dir="auto">
                      {hit.title}
                    </span>
                    {hit.kind === 'source' && hit.versionNumber !== undefined && (
                      <span className="search-hit-detail" data-testid="search-hit-version">
                        In version {hit.versionNumber}, changed since
                      </span>
                    )}
                    <HitSnippet cut={cutSnippet(hit, later.get(index))} index={index} />
                    {hit.kind === 'passage' && hit.noteIds.length > 0 && (
                      <span className="search-hit-detail" data-testid="search-hit-notes">
                        {quotedInLabel(hit.noteIds.length)}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <MoreResults search={search} onAsk={focusNewResultsAfter} />
    </section>
  );
}

/**
 * Below results that filled what was asked (there may be more): a button that
 * asks for twice as many, or past the most a search returns, a word on
 * refining the query. A large library matches thousands of articles for a
 * common word; only the best are fetched and shown at first.
 */
function MoreResults({
  search: { result, showMore, findingMore },
  onAsk,
}: {
  search: Search;
  /** Told how many results there were when more were asked for. */
  onAsk: (shown: number) => void;
}) {
  if (!result || result.error || result.hits.length < result.limit) return null;
  const shown = `The best ${result.hits.length} results are shown`;
  if (!showMore && !findingMore) {
    return <p className="search-more">{shown}: refine the search to find others.</p>;
  }
  return (
    <p className="search-more">
      {shown}.{' '}
      <button
        type="button"
        className="button button-small"
        data-testid="search-more"
        aria-disabled={findingMore}
        {...listItemProps}
        onClick={() => {
          if (!showMore) return;
          onAsk(result.hits.length);
          showMore();
        }}
      >
        {findingMore ? 'Finding more…' : 'Show more'}
      </button>
    </p>
  );
}

const RESULT_INDEX_ATTRIBUTE = 'data-result-index';

/**
 * Once the results asked for come in, the focus goes to the first new one (the
 * button may be gone), so the keyboard goes on from where it was. Returns what
 * the button calls with the count shown when it asked.
 */
function useFocusOnMore(
  panel: RefObject<HTMLElement | null>,
  result: SearchState | undefined,
): (shown: number) => void {
  const asked = useRef<number | null>(null);
  useEffect(() => {
    const shown = asked.current;
    if (shown === null || !result || result.hits.length <= shown) return;
    asked.current = null;
    // Unless the focus went elsewhere meanwhile (the button, once gone, leaves it nowhere).
    const focus = document.activeElement;
    if (!panel.current || (focus !== document.body && !panel.current.contains(focus))) return;
    const rows = panel.current.querySelectorAll<HTMLElement>(`[${RESULT_INDEX_ATTRIBUTE}]`);
    const firstNew = [...rows].find(
      (row) => Number(row.getAttribute(RESULT_INDEX_ATTRIBUTE)) >= shown,
    );
    firstNew?.focus();
  }, [panel, result]);
  return (shown) => {
    asked.current = shown;
  };
}

function cutSnippet(hit: SearchHit, later: SearchSnippet | undefined): SearchSnippet | undefined {
  return hit.snippet === null ? later : { snippet: hit.snippet, highlights: hit.highlights };
}

/** The hit's snippet, or the room it will take until it is cut (see useLaterSnippets). */
function HitSnippet({ cut, index }: { cut: SearchSnippet | undefined; index: number }) {
  if (cut) return <Snippet text={cut.snippet} highlights={cut.highlights} />;
  return (
    <p
      className="snippet snippet-later"
      aria-hidden="true"
      {...{ [LATER_SNIPPET_ATTRIBUTE]: index }}
    />
  );
}
