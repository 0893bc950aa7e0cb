import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useState } from 'react';
import type { NoteRevision } from '../../../shared/api';
import { api } from '../../api/client';
import { formatMoment } from '../../sourceDetails/formatMetadata';
import { useToast } from '../../ui/toastContext';
import { flushNote } from '../noteSaver';
import { NoteHistoryDialog } from './NoteHistoryDialog';
import { replaceNoteBody } from './replaceNoteBody';

interface NoteHistoryButtonProps {
  noteId: string;
  /** Restoring a version brings its title back too. */
  onRestoreTitle: (title: string) => void;
}

/**
 * "History…" in the note's header: the note's earlier versions. Restoring one
 * keeps the note as it is first (a checkpoint), then puts the old text in the
 * editor as an edit that Ctrl+Z there undoes.
 */
export function NoteHistoryButton({ noteId, onRestoreTitle }: NoteHistoryButtonProps) {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const toast = useToast();

  const restore = async (revision: NoteRevision) => {
    await flushNote(noteId);
    await api.checkpointNote({ noteId });
    replaceNoteBody(editor, revision.body);
    onRestoreTitle(revision.title);
    toast({
      kind: 'success',
      message: `Restored the version of ${formatMoment(revision.savedAt)}; Ctrl+Z in the note takes it back.`,
    });
  };

  return (
    <>
      <button
        type="button"
        className="button button-small"
        data-testid="note-history-button"
        onClick={() => setOpen(true)}
      >
        History…
      </button>
      <NoteHistoryDialog
        noteId={noteId}
        open={open}
        onClose={() => setOpen(false)}
        onRestore={restore}
      />
    </>
  );
}
