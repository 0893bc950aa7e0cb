import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';

/** Hands the editor to the app while it is mounted (e.g. so a passage can be linked into the open note). */
export function EditorHandlePlugin({
  onEditor,
}: {
  onEditor: (editor: LexicalEditor | null) => void;
}) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  return null;
}
