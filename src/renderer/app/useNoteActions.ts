import type { LexicalEditor } from 'lexical';
import { useCallback, useRef, useState } from 'react';
import type { PassageView } from '../../shared/api';
import { api } from '../api/client';
import { flushNote } from '../notes/noteSaver';
import {
  INSERT_PASSAGE_LINK_COMMAND,
  INSERT_PASSAGE_QUOTE_COMMAND,
  type PassageQuotePayload,
} from '../notes/passageLink/PassageLinkPlugin';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';
import { noteDisplayTitle } from '../../shared/noteLink';

interface NoteActionsInput {
  openNoteId: string | null;
  openNote: (noteId: string) => void;
  closeNote: (noteId: string) => void;
}

export interface NoteActions {
  newNote: () => void;
  /** Links the passage into the open note at its cursor, or starts a note with it (titled `noteTitle`). */
  linkIntoNote: (passage: PassageView, noteTitle: string) => void;
  /**
   * Quotes the passage in the open note (a block quote ending with `citation`,
   * linked to the passage), or in a new note titled `noteTitle`.
   */
  quoteIntoNote: (passage: PassageView, citation: string, noteTitle: string) => void;
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

  // A quote for the note being created, inserted once its editor is there.
  const pendingQuote = useRef<PassageQuotePayload | null>(null);

  const setEditor = useCallback((editor: LexicalEditor | null) => {
    editorRef.current = editor;
    const quote = pendingQuote.current;
    if (editor && quote) {
      pendingQuote.current = null;
      editor.dispatchCommand(INSERT_PASSAGE_QUOTE_COMMAND, quote);
      editor.focus();
    }
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
    void createAndOpen({ title: noteDisplayTitle('') }, true);
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

  const quoteIntoNote = useCallback(
    (passage: PassageView, citation: string, noteTitle: string) => {
      const quote = {
        passageId: passage.id,
        sourceId: passage.sourceId,
        quote: passage.exact,
        citation,
      };
      const editor = editorRef.current;
      if (openNoteId && editor) {
        editor.dispatchCommand(INSERT_PASSAGE_QUOTE_COMMAND, quote);
        editor.focus();
        return;
      }
      pendingQuote.current = quote;
      void createAndOpen({ title: noteTitle }, false);
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

  return { newNote, linkIntoNote, quoteIntoNote, freshNoteId, setEditor, moveToTrash };
}
