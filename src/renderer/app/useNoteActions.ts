import type { LexicalEditor } from 'lexical';
import { useCallback, useRef, useState } from 'react';
import type { PassageView } from '../../shared/api';
import { api } from '../api/client';
import { errorMessage } from '../api/apiError';
import { flushNote } from '../notes/noteSaver';
import { INSERT_PASSAGE_LINK_COMMAND } from '../notes/passageLink/PassageLinkPlugin';
import { useToast } from '../ui/toastContext';

interface NoteActionsInput {
  openNoteId: string | null;
  openNote: (noteId: string) => void;
  closeNote: (noteId: string) => void;
  refreshNotes: () => void;
}

export interface NoteActions {
  newNote: () => void;
  /** Links the passage into the open note at its cursor, or starts a note with it (titled `noteTitle`). */
  linkIntoNote: (passage: PassageView, noteTitle: string) => void;
  /** The note just created with "New note", whose title gets the cursor. */
  freshNoteId: string | null;
  /** Saves the note's last edits, moves it to the trash and closes it, offering Undo. */
  moveToTrash: (noteId: string) => Promise<void>;
  /** Given to the note editor so links can be inserted into it. */
  setEditor: (editor: LexicalEditor | null) => void;
}

export function useNoteActions({
  openNoteId,
  openNote,
  closeNote,
  refreshNotes,
}: NoteActionsInput): NoteActions {
  const toast = useToast();
  const editorRef = useRef<LexicalEditor | null>(null);
  const [freshNoteId, setFreshNoteId] = useState<string | null>(null);

  const setEditor = useCallback((editor: LexicalEditor | null) => {
    editorRef.current = editor;
  }, []);

  const createAndOpen = useCallback(
    async (args: { title: string; passageIds?: string[] }, fresh: boolean) => {
      try {
        const { noteId } = await api.createNote(args);
        refreshNotes();
        setFreshNoteId(fresh ? noteId : null);
        openNote(noteId);
      } catch (error) {
        toast({ kind: 'error', message: `Could not create the note: ${errorMessage(error)}` });
      }
    },
    [openNote, refreshNotes, toast],
  );

  const newNote = useCallback(() => {
    void createAndOpen({ title: 'Untitled note' }, true);
  }, [createAndOpen]);

  const linkIntoNote = useCallback(
    (passage: PassageView, noteTitle: string) => {
      const editor = editorRef.current;
      if (openNoteId && editor) {
        editor.dispatchCommand(INSERT_PASSAGE_LINK_COMMAND, {
          passageId: passage.id,
          sourceId: passage.sourceId,
          quote: passage.exact,
        });
        editor.focus();
        return;
      }
      void createAndOpen({ title: noteTitle, passageIds: [passage.id] }, false);
    },
    [openNoteId, createAndOpen],
  );

  const restoreFromTrash = useCallback(
    async (noteId: string) => {
      try {
        await api.restoreNote({ noteId });
        refreshNotes();
        openNote(noteId);
      } catch (error) {
        toast({ kind: 'error', message: `Could not restore the note: ${errorMessage(error)}` });
      }
    },
    [openNote, refreshNotes, toast],
  );

  const moveToTrash = useCallback(
    async (noteId: string) => {
      // Its last edits reach the core first, so the note Undo brings back has them.
      if (!(await flushNote(noteId))) {
        toast({
          kind: 'error',
          message: 'The note could not be saved, so it was not moved to the trash.',
        });
        return;
      }
      try {
        await api.deleteNote({ noteId });
      } catch (error) {
        toast({
          kind: 'error',
          message: `Could not move the note to the trash: ${errorMessage(error)}`,
        });
        return;
      }
      closeNote(noteId);
      refreshNotes();
      toast({
        kind: 'info',
        message: 'Note moved to trash',
        undo: () => void restoreFromTrash(noteId),
      });
    },
    [closeNote, refreshNotes, restoreFromTrash, toast],
  );

  return { newNote, linkIntoNote, freshNoteId, setEditor, moveToTrash };
}
