import { useEffect, useState } from 'react';
import type { NoteDetail } from '../../shared/api';
import { isolate } from '../ui/bidi';
import { useToast } from '../ui/toastContext';
import { dropDraft, readDraft, type LocalDraft } from './localDrafts';
import { NoteSaver, type NoteContent, type SaveState } from './noteSaver';

interface Start {
  content: NoteContent;
  /** Unsaved edits kept locally from an earlier session, newer than the stored note. */
  restored: LocalDraft | null;
}

function startingContent(note: NoteDetail): Start {
  const stored = { title: note.title, body: note.body };
  const draft = readDraft(note.id);
  const differs = draft && (draft.title !== note.title || draft.body !== note.body);
  return differs ? { content: draft, restored: draft } : { content: stored, restored: null };
}

/**
 * The autosaver of the note on screen, its state and the content the editor
 * starts from (the stored note, or edits that never reached the core).
 * Closing the note saves what is left.
 */
export function useNoteSaver(note: NoteDetail): {
  saver: NoteSaver;
  state: SaveState;
  initial: NoteContent;
} {
  const toast = useToast();
  const [start] = useState(() => startingContent(note));
  const [state, setState] = useState<SaveState>(
    start.restored ? { kind: 'pending' } : { kind: 'saved' },
  );
  const [saver] = useState(
    () => new NoteSaver(note.id, { title: note.title, body: note.body }, setState, start.content),
  );

  useEffect(() => {
    if (start.restored) {
      const keptAt = new Date(start.restored.keptAt).toLocaleString();
      toast({
        kind: 'info',
        message: `Restored unsaved changes to ${isolate(start.restored.title)} from ${keptAt}.`,
      });
    } else {
      dropDraft(saver.noteId); // any draft left equals the stored note
    }
  }, [start, saver, toast]);

  useEffect(() => {
    saver.open();
    return () => {
      void saver.close().then((saved) => {
        if (!saved) {
          toast({
            kind: 'error',
            message: `${isolate(saver.title)} is not saved yet; Dossier keeps retrying and has a local copy.`,
          });
        }
      });
    };
  }, [saver, toast]);

  return { saver, state, initial: start.content };
}
