import type { CollectionSummary, SourceSummary } from '../../shared/api';
import { isolate } from '../ui/bidi';
import { shorten } from '../ui/shorten';
import { MenuItem, MenuPopover } from './MenuPopover';
import { useCollectionMembership } from './useCollectionMembership';

interface SourceCollectionsMenuProps {
  source: SourceSummary;
  collections: CollectionSummary[];
  anchor: HTMLElement;
  onClose: () => void;
}

/** An article's collections, from its row: the keyboard's (and the mouse's) way to drag it onto one. */
export function SourceCollectionsMenu({
  source,
  collections,
  anchor,
  onClose,
}: SourceCollectionsMenuProps) {
  const { add, remove } = useCollectionMembership();
  const item = { kind: 'source', id: source.id } as const;
  const isIn = (collection: CollectionSummary) => source.collectionIds.includes(collection.id);
  return (
    <MenuPopover
      anchor={anchor}
      label={`Collections of ${isolate(shorten(source.title))}`}
      onClose={onClose}
    >
      {collections.length === 0 && (
        <MenuItem disabled>No collections yet: make one under Collections</MenuItem>
      )}
      {collections
        .filter((collection) => !isIn(collection))
        .map((collection) => (
          <MenuItem
            key={collection.id}
            testId="add-to-collection"
            onSelect={() => void add(collection, item)}
          >
            Add to {isolate(collection.name)}
          </MenuItem>
        ))}
      {collections.filter(isIn).map((collection) => (
        <MenuItem
          key={collection.id}
          testId="remove-from-collection"
          onSelect={() => void remove(collection, item)}
        >
          Remove from {isolate(collection.name)}
        </MenuItem>
      ))}
    </MenuPopover>
  );
}
