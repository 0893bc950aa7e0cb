import { useState } from 'react';
import type { CollectionSummary, NoteSummary, SourceSummary } from '../../shared/api';
import { plural } from '../../shared/text';
import { api } from '../api/client';
import { isolate } from '../ui/bidi';
import { shorten } from '../ui/shorten';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';
import { DeleteCollectionDialog } from './DeleteCollectionDialog';
import { carriesItem, droppedItem, type DraggedItem } from './itemDrag';
import { MenuItem, MenuPopover } from './MenuPopover';
import { NameInput } from './NameInput';
import type { LibraryState } from './useLibraryState';
import { useCollectionMembership } from './useCollectionMembership';
import './collections.css';

interface CollectionListProps {
  library: LibraryState;
  sources: SourceSummary[] | undefined;
  notes: NoteSummary[] | undefined;
  openSourceId: string | null;
  openNoteId: string | null;
}

/**
 * The collections, each with how much it holds. Choosing one narrows the library
 * and the notes to it; an article or a note dropped on one is added to it; each
 * one's menu renames or deletes it, or adds (or removes) the open article and note.
 */
export function CollectionList({
  library,
  sources,
  notes,
  openSourceId,
  openNoteId,
}: CollectionListProps) {
  const { collections, activeCollection, updateFilters } = library;
  const [creating, setCreating] = useState(false);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [dropTargetId, setDropTargetId] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ collectionId: string; anchor: HTMLElement } | null>(null);
  const [deleting, setDeleting] = useState<CollectionSummary | null>(null);
  const run = useAction();
  const toast = useToast();
  const { add, remove } = useCollectionMembership();

  const list = collections.data ?? [];
  const openItems = openItemsOf(
    sources?.find(({ id }) => id === openSourceId),
    notes?.find(({ id }) => id === openNoteId),
  );
  const menuCollection = menu && list.find(({ id }) => id === menu.collectionId);

  const create = async (name: string) => {
    const created = await run('Could not create the collection', () =>
      api.createCollection({ name }),
    );
    if (created) setCreating(false);
    return created !== undefined;
  };
  const rename = async (collection: CollectionSummary, name: string) => {
    const renamed = await run('Could not rename the collection', () =>
      api.renameCollection({ collectionId: collection.id, name }),
    );
    if (renamed) setRenamingId(null);
    return renamed !== undefined;
  };
  const toggleFilter = (collection: CollectionSummary) =>
    updateFilters((filters) => ({
      ...filters,
      collectionId: filters.collectionId === collection.id ? null : collection.id,
    }));

  const drop = (collection: CollectionSummary, item: DraggedItem) => {
    const dropped = item.kind === 'source' ? sources : notes;
    const already = dropped?.find(({ id }) => id === item.id)?.collectionIds;
    if (already?.includes(collection.id)) {
      toast({ kind: 'info', message: `Already in ${isolate(collection.name)}.` });
    } else void add(collection, item);
  };

  return (
    <section className="sidebar-section collections-section" aria-labelledby="collections-heading">
      <div className="section-header">
        <h2 id="collections-heading">Collections</h2>
        <button
          type="button"
          className="button button-small"
          data-testid="new-collection"
          onClick={() => setCreating(true)}
        >
          New collection
        </button>
      </div>
      {collections.error && (
        <p className="panel-error">Collections could not be loaded: {collections.error}</p>
      )}
      {creating && (
        <NameInput
          initial=""
          label="New collection name"
          testId="new-collection-name"
          onSubmit={create}
          onCancel={() => setCreating(false)}
        />
      )}
      {collections.settled && list.length === 0 && !creating && (
        <p className="empty-state">None yet. Make one, then drag articles and notes onto it.</p>
      )}
      <ul className="collection-list">
        {list.map((collection) => (
          <li
            key={collection.id}
            className={collection.id === dropTargetId ? 'collection is-drop-target' : 'collection'}
            data-testid="collection-item"
            onDragOver={(event) => {
              if (!carriesItem(event.dataTransfer)) return;
              event.preventDefault(); // allows the drop
              event.dataTransfer.dropEffect = 'copy';
              setDropTargetId(collection.id);
            }}
            onDragLeave={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
                setDropTargetId(null);
              }
            }}
            onDrop={(event) => {
              if (!carriesItem(event.dataTransfer)) return;
              event.preventDefault();
              setDropTargetId(null);
              const item = droppedItem(event.dataTransfer);
              if (item) drop(collection, item);
            }}
          >
            {collection.id === renamingId ? (
              <NameInput
                initial={collection.name}
                label={`New name for ${isolate(collection.name)}`}
                testId="rename-collection-name"
                onSubmit={(name) => rename(collection, name)}
                onCancel={() => setRenamingId(null)}
              />
            ) : (
              <>
                <button
                  type="button"
                  className="collection-filter"
                  data-testid="collection-filter"
                  aria-pressed={collection.id === activeCollection?.id}
                  title={
                    collection.id === activeCollection?.id
                      ? 'Show the whole library and every note'
                      : 'Show only what is in this collection'
                  }
                  onClick={() => toggleFilter(collection)}
                >
                  <span className="collection-name" dir="auto">
                    {collection.name}
                  </span>
                  <span className="collection-count">{contents(collection)}</span>
                </button>
                <button
                  type="button"
                  className="row-menu-button collection-menu-button"
                  data-testid="collection-menu"
                  aria-haspopup="menu"
                  aria-label={`Actions for ${isolate(collection.name)}`}
                  onClick={(event) =>
                    setMenu({ collectionId: collection.id, anchor: event.currentTarget })
                  }
                >
                  ⋯
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {menu && menuCollection && (
        <MenuPopover
          anchor={menu.anchor}
          label={`Actions for ${isolate(menuCollection.name)}`}
          onClose={() => setMenu(null)}
        >
          {openItems.map(({ item, noun, title, collectionIds }) => {
            const isIn = collectionIds.includes(menuCollection.id);
            return (
              <MenuItem
                key={item.kind}
                testId={`collection-${isIn ? 'remove' : 'add'}-open-${item.kind}`}
                onSelect={() => void (isIn ? remove : add)(menuCollection, item)}
              >
                {isIn ? 'Remove' : 'Add'} {noun} {isolate(shorten(title, 40))}
              </MenuItem>
            );
          })}
          <MenuItem testId="rename-collection" onSelect={() => setRenamingId(menuCollection.id)}>
            Rename…
          </MenuItem>
          <MenuItem testId="delete-collection" danger onSelect={() => setDeleting(menuCollection)}>
            Delete…
          </MenuItem>
        </MenuPopover>
      )}
      {deleting && (
        <DeleteCollectionDialog collection={deleting} onClose={() => setDeleting(null)} />
      )}
    </section>
  );
}

interface OpenItem {
  item: DraggedItem;
  noun: string;
  title: string;
  collectionIds: string[];
}

/** The open article and note, which a collection's menu adds or removes. */
function openItemsOf(source: SourceSummary | undefined, note: NoteSummary | undefined): OpenItem[] {
  const open: OpenItem[] = [];
  if (source) {
    const { id, title, collectionIds } = source;
    open.push({ item: { kind: 'source', id }, noun: 'article', title, collectionIds });
  }
  if (note) {
    const { id, title, collectionIds } = note;
    open.push({ item: { kind: 'note', id }, noun: 'note', title, collectionIds });
  }
  return open;
}

/** "3 articles, 1 note"; an empty collection says so. */
function contents({ sourceCount, noteCount }: CollectionSummary): string {
  if (sourceCount === 0 && noteCount === 0) return 'empty';
  return [
    sourceCount > 0 && plural(sourceCount, 'article'),
    noteCount > 0 && plural(noteCount, 'note'),
  ]
    .filter(Boolean)
    .join(', ');
}
