import type { NoteSummary } from '../../shared/api';

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
          title="New note (Ctrl+Alt+N)"
          onClick={onNew}
        >
          New note
        </button>
      </div>
      {error && <p className="panel-error">Notes could not be loaded: {error}</p>}
      {notes?.length === 0 && <p className="empty-state">No notes yet.</p>}
      <ul className="item-list">
        {notes?.map((note) => (
          <li key={note.id}>
            <button
              type="button"
              className={note.id === openNoteId ? 'list-item is-open' : 'list-item'}
              data-testid="note-item"
              aria-current={note.id === openNoteId ? 'true' : undefined}
              onClick={() => onOpen(note.id)}
            >
              <span className="list-item-title" dir="auto">
                {note.title}
              </span>
              <span className="list-item-detail" dir="auto">
                {firstLine(note.text) || 'Empty note'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
