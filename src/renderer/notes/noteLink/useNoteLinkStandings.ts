import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';
import { useEffect, useState } from 'react';
import type { NoteSummary } from '../../../shared/api';
import { $isNoteLinkNode, NoteLinkNode } from './NoteLinkNode';

/**
 * Marks each note link whose note is not among the notes outside the trash
 * (moved to the trash, or deleted for good): still there and still clickable,
 * drawn as missing with a tooltip that says why.
 */
export function useNoteLinkStandings(
  editor: LexicalEditor,
  notes: readonly NoteSummary[] | undefined,
): void {
  const links = useNoteLinksInEditor(editor);

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

/** The note links in the editor by node key; a new map after each change to one (its element may be new). */
function useNoteLinksInEditor(editor: LexicalEditor): ReadonlyMap<NodeKey, string> {
  const [links, setLinks] = useState<ReadonlyMap<NodeKey, string>>(new Map());
  useEffect(
    () =>
      editor.registerMutationListener(
        NoteLinkNode,
        (mutations) =>
          setLinks((current) => {
            const next = new Map(current);
            editor.getEditorState().read(() => {
              for (const [key, mutation] of mutations) {
                const node = mutation === 'destroyed' ? null : $getNodeByKey(key);
                if ($isNoteLinkNode(node)) next.set(key, node.getNoteId());
                else next.delete(key);
              }
            });
            return next;
          }),
        { skipInitialization: false },
      ),
    [editor],
  );
  return links;
}
