import type { CollectionSummary } from '../../shared/api';
import { isolate } from '../ui/bidi';
import { hasFilters, noFilters, type LibraryFilters } from './libraryView';

interface ActiveFiltersProps {
  filters: LibraryFilters;
  collection: CollectionSummary | undefined;
  onFilters: (update: (filters: LibraryFilters) => LibraryFilters) => void;
}

/** The filters narrowing the library, each removable, and a way to drop them all. */
export function ActiveFilters({ filters, collection, onFilters }: ActiveFiltersProps) {
  const chips = [
    ...(collection
      ? [{ key: 'collection', label: `Collection: ${collection.name}`, remove: withoutCollection }]
      : []),
    ...(filters.site !== null
      ? [{ key: 'site', label: `Site: ${filters.site}`, remove: withoutSite }]
      : []),
    ...filters.tags.map((tag) => ({
      key: `tag:${tag}`,
      label: `Tag: ${tag}`,
      remove: (current: LibraryFilters) => ({
        ...current,
        tags: current.tags.filter((other) => other !== tag),
      }),
    })),
  ];
  if (!hasFilters(filters)) return null;
  return (
    <div className="active-filters" role="group" aria-label="Active filters">
      {chips.map(({ key, label, remove }) => (
        <span key={key} className="filter-chip" data-testid="filter-chip">
          <bdi>{label}</bdi>
          <button
            type="button"
            className="filter-chip-remove"
            aria-label={`Remove filter ${isolate(label)}`}
            onClick={() => onFilters(remove)}
          >
            ×
          </button>
        </span>
      ))}
      <button
        type="button"
        className="button button-small clear-filters"
        onClick={() => onFilters(() => noFilters)}
      >
        Clear filters
      </button>
    </div>
  );
}

function withoutCollection(filters: LibraryFilters): LibraryFilters {
  return { ...filters, collectionId: null };
}

function withoutSite(filters: LibraryFilters): LibraryFilters {
  return { ...filters, site: null };
}
