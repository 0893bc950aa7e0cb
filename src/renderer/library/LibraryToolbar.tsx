import { useId } from 'react';
import {
  naturalDirection,
  sortKeys,
  type LibraryFilters,
  type LibrarySort,
  type SortDirection,
  type SortKey,
} from './libraryView';

const sortLabels: Record<SortKey, string> = {
  saved: 'Date saved',
  published: 'Date published',
  title: 'Title',
  site: 'Site',
  passages: 'Passages',
};

/** What each order means for each key, as the direction button says it. */
const directionLabels: Record<SortKey, Record<SortDirection, string>> = {
  saved: { descending: 'Newest first', ascending: 'Oldest first' },
  published: { descending: 'Newest first', ascending: 'Oldest first' },
  title: { ascending: 'A to Z', descending: 'Z to A' },
  site: { ascending: 'A to Z', descending: 'Z to A' },
  passages: { descending: 'Most passages first', ascending: 'Fewest passages first' },
};

interface LibraryToolbarProps {
  sort: LibrarySort;
  filters: LibraryFilters;
  sites: Array<[site: string, count: number]>;
  onSort: (sort: LibrarySort) => void;
  onFilters: (update: (filters: LibraryFilters) => LibraryFilters) => void;
}

/** The filter box, the sort key and order, and the site to show. */
export function LibraryToolbar({ sort, filters, sites, onSort, onFilters }: LibraryToolbarProps) {
  const sortId = useId();
  const reversed = sort.direction === 'ascending' ? 'descending' : 'ascending';
  return (
    <div className="library-toolbar">
      <input
        type="search"
        className="library-filter"
        dir="auto"
        placeholder="Filter library"
        aria-label="Filter library"
        data-testid="library-filter"
        value={filters.text}
        onChange={(event) => {
          const text = event.target.value;
          onFilters((current) => ({ ...current, text }));
        }}
      />
      <div className="library-toolbar-row">
        <label htmlFor={sortId}>Sort</label>
        <select
          id={sortId}
          data-testid="library-sort"
          value={sort.key}
          onChange={(event) => {
            const key = event.target.value as SortKey;
            onSort({ key, direction: naturalDirection[key] });
          }}
        >
          {sortKeys.map((key) => (
            <option key={key} value={key}>
              {sortLabels[key]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="library-sort-direction"
          data-testid="library-sort-direction"
          aria-label={`Order: ${directionLabels[sort.key][sort.direction]}`}
          title={`${directionLabels[sort.key][sort.direction]} (click for ${directionLabels[sort.key][reversed].toLowerCase()})`}
          onClick={() => onSort({ ...sort, direction: reversed })}
        >
          {sort.direction === 'ascending' ? '↑' : '↓'}
        </button>
        <select
          aria-label="Site"
          className="library-site"
          data-testid="library-site"
          value={filters.site ?? ''}
          onChange={(event) => {
            const site = event.target.value || null;
            onFilters((current) => ({ ...current, site }));
          }}
        >
          <option value="">All sites</option>
          {sites.map(([site, count]) => (
            <option key={site} value={site}>
              {site} ({count})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
