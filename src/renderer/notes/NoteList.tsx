import type { NoteSummary } from '../../shared/api';
import { shortcuts } from '../app/shortcuts';
import { ListItemButton } from '../ui/ListItemButton';

interface NoteListProps {
  notes: NoteSummary[] | undefined;
  error: string | undefined;
  openNoteId: string | null;
  onOpen: (noteId: string) => void;
  onNew: () => void;
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '') ?? '';
}

export function NoteList({ notes, error, openNoteId, onOpen, onNew }: NoteListProps) {
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
      {notes?.length === 0 && <p className="empty-state">No notes yet.</p>}
      <ul className="item-list">
        {notes?.map((note) => (
          <ListItemButton
            key={note.id}
            testId="note-item"
            isOpen={note.id === openNoteId}
            title={note.title}
            detail={firstLine(note.text) || 'Empty note'}
            tags={note.tags}
            onOpen={() => onOpen(note.id)}
          />
        ))}
      </ul>
    </section>
  );
}
