import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import type { NoteSummary } from '../../../shared/api';
import { useLinkNodes } from '../useLinkNodes';
import { NoteLinkNode } from './NoteLinkNode';

/**
 * Marks each note link whose note is not among the notes outside the trash
 * (moved to the trash, or deleted for good): still there and still clickable,
 * drawn as missing with a tooltip that says why.
 */
export function useNoteLinkStandings(
  editor: LexicalEditor,
  notes: readonly NoteSummary[] | undefined,
): void {
  const links = useLinkNodes(editor, NoteLinkNode, readNoteId);

  useEffect(() => {
    if (!notes) return;
    const existing = new Set(notes.map((note) => note.id));
    for (const [key, noteId] of links) {
      const element = editor.getElementByKey(key);
      if (!element) continue;
      const missing = !existing.has(noteId);
      element.classList.toggle('is-missing', missing);
      if (missing) element.title = 'This note is in the trash or was deleted';
      else element.removeAttribute('title');
    }
  }, [editor, links, notes]);
}

const readNoteId = (node: NoteLinkNode): string => node.getNoteId();
