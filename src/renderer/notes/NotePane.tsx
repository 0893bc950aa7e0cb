import type { LexicalEditor } from 'lexical';
import { api } from '../api/client';
import { useApiQuery } from '../app/useApiQuery';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { flushNote } from './noteSaver';
import { NoteEditor } from './NoteEditor';

interface NotePaneProps {
  noteId: string | null;
  freshNoteId: string | null;
  onOpenPassage: (sourceId: string, passageId: string) => void;
  onOpenNote: (noteId: string) => void;
  onEditor: (editor: LexicalEditor | null) => void;
  onTrash: (noteId: string) => Promise<void>;
}

/** The open note, loaded fresh each time it is opened. */
export function NotePane({ noteId, freshNoteId, ...editorProps }: NotePaneProps) {
  const note = useApiQuery(noteId && `note:${noteId}`, async () => {
    if (!noteId) throw new Error('no note open');
    // Its last edits may still be on their way (the note was just closed): load after them.
    await flushNote(noteId);
    return api.getNote({ noteId });
  });

  if (!noteId) {
    return <p className="empty-state">Open a note, or start one with “New note”.</p>;
  }
  if (note.error) return <p className="panel-error">This note could not be opened: {note.error}</p>;
  if (!note.settled || note.data?.id !== noteId) return <p className="loading">Opening note…</p>;
  return (
    // Keyed by note: each note gets a fresh editor, autosaver and error state.
    <ErrorBoundary key={noteId} what="This note could not be opened">
      <NoteEditor note={note.data} focusTitle={noteId === freshNoteId} {...editorProps} />
    </ErrorBoundary>
  );
}
