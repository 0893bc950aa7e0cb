import {
  $getRoot,
  $parseSerializedNode,
  type LexicalEditor,
  type SerializedLexicalNode,
} from 'lexical';

/**
 * Puts an earlier body in the editor as one edit: the note's own undo (Ctrl+Z)
 * takes it back, and autosave stores it like any other edit.
 */
export function replaceNoteBody(editor: LexicalEditor, body: string): void {
  const children = (JSON.parse(body) as { root: { children: SerializedLexicalNode[] } }).root
    .children;
  editor.update(() => {
    const root = $getRoot();
    root.clear();
    for (const child of children) root.append($parseSerializedNode(child));
    root.selectEnd();
  });
}
