import type { LexicalEditor } from 'lexical';
import { useCallback, useRef, useState } from 'react';
import type { PassageView } from '../../shared/api';
import { api } from '../api/client';
import { flushNote } from '../notes/noteSaver';
import { INSERT_PASSAGE_LINK_COMMAND } from '../notes/passageLink/PassageLinkPlugin';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';

interface NoteActionsInput {
  openNoteId: string | null;
  openNote: (noteId: string) => void;
  closeNote: (noteId: string) => void;
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

export function useNoteActions({ openNoteId, openNote, closeNote }: NoteActionsInput): NoteActions {
  const toast = useToast();
  const run = useAction();
  const editorRef = useRef<LexicalEditor | null>(null);
  const [freshNoteId, setFreshNoteId] = useState<string | null>(null);

  const setEditor = useCallback((editor: LexicalEditor | null) => {
    editorRef.current = editor;
  }, []);

  const createAndOpen = useCallback(
    async (args: { title: string; passageIds?: string[] }, fresh: boolean) => {
      const created = await run('Could not create the note', () => api.createNote(args));
      if (!created) return;
      setFreshNoteId(fresh ? created.noteId : null);
      openNote(created.noteId);
    },
    [openNote, run],
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
      const restored = await run('Could not restore the note', () => api.restoreNote({ noteId }));
      if (restored) openNote(noteId);
    },
    [openNote, run],
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
      const deleted = await run('Could not move the note to the trash', () =>
        api.deleteNote({ noteId }),
      );
      if (!deleted) return;
      closeNote(noteId);
      toast({
        kind: 'info',
        message: 'Note moved to trash',
        undo: () => void restoreFromTrash(noteId),
      });
    },
    [closeNote, restoreFromTrash, run, toast],
  );

  return { newNote, linkIntoNote, freshNoteId, setEditor, moveToTrash };
}
