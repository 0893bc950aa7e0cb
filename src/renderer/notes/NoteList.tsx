import type { NoteSummary } from '../../shared/api';
import { shortcuts } from '../app/shortcuts';
import { startItemDrag } from '../library/itemDrag';
import type { NoteFilter } from '../library/useLibraryState';
import { walkListWithArrows } from '../ui/arrowKeyNavigation';
import { ListItemButton } from '../ui/ListItemButton';

interface NoteListProps {
  notes: NoteSummary[] | undefined;
  error: string | undefined;
  openNoteId: string | null;
  onOpen: (noteId: string) => void;
  onNew: () => void;
  /** Narrows the list (to the notes of the chosen collection). */
  filter?: NoteFilter;
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '') ?? '';
}

export function NoteList({ notes, error, openNoteId, onOpen, onNew, filter }: NoteListProps) {
  const shown = filter ? notes?.filter(filter.matches) : notes;
  return (
    <section className="sidebar-section" aria-labelledby="notes-heading">
      <div className="section-header">
        <h2 id="notes-heading">Notes</h2>
        <button
          type="button"
          className="button button-small"
          data-testid="new-note"
          title={`New note (${shortcuts.newNote.keys})`}
          onClick={onNew}
        >
          New note
        </button>
      </div>
      {error && <p className="panel-error">Notes could not be loaded: {error}</p>}
      {filter && <p className="list-filter-description">{filter.description}</p>}
      {notes?.length === 0 && <p className="empty-state">No notes yet.</p>}
      {notes?.length !== 0 && shown?.length === 0 && <p className="empty-state">No notes here.</p>}
      <ul className="item-list" aria-label="Notes" onKeyDown={walkListWithArrows}>
        {shown?.map((note) => (
          <ListItemButton
            key={note.id}
            testId="note-item"
            isOpen={note.id === openNoteId}
            title={note.title}
            detail={firstLine(note.text) || 'Empty note'}
            tags={note.tags}
            onOpen={() => onOpen(note.id)}
            onDragStart={(event) => startItemDrag(event, { kind: 'note', id: note.id })}
          />
        ))}
      </ul>
    </section>
  );
}
