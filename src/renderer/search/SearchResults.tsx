import type { SearchHit, SearchHitKind } from '../../shared/api';
import { plural } from '../../shared/text';
import { listItemProps, walkListWithArrows } from '../ui/arrowKeyNavigation';
import { isolate } from '../ui/bidi';
import type { SearchState } from './useSearch';
import { Snippet } from './Snippet';

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
  result: SearchState | undefined;
  onOpenHit: (hit: SearchHit) => void;
  /** Escape in the results: back to the search box. */
  onBackOut: () => void;
}

/**
 * Results of the search box, grouped by kind, best first within each group.
 * Arrow keys walk them (ArrowDown in the search box comes here first).
 */
export function SearchResults({ query, result, onOpenHit, onBackOut }: SearchResultsProps) {
  const upToDate = result?.query === query.trim();
  return (
    <section
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
        const hits = result?.hits.filter((hit) => hit.kind === kind) ?? [];
        if (hits.length === 0) return null;
        return (
          <section key={kind} className="search-group" data-testid={`search-group-${kind}`}>
            <h2>
              {heading} <span className="count">{hits.length}</span>
            </h2>
            <ul>
              {hits.map((hit) => (
                <li key={`${hit.kind}:${hit.id}`}>
                  <button
                    type="button"
                    className="search-hit"
                    data-testid="search-hit"
                    data-kind={hit.kind}
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
                    <Snippet text={hit.snippet} highlights={hit.highlights} />
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
    </section>
  );
}
