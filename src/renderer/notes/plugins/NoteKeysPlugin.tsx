import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, FORMAT_TEXT_COMMAND, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { OPEN_LINK_EDITOR_COMMAND } from '../formatting/linkCommands';
import { noteKeys } from '../formatting/noteKeys';

/** Ctrl+Shift+X strikethrough, Ctrl+E inline code, Ctrl+Shift+K link: keys Lexical has no binding for. */
export function NoteKeysPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const act = noteKeys.strikethrough.matches(event)
            ? () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough')
            : noteKeys.code.matches(event)
              ? () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'code')
              : noteKeys.link.matches(event)
                ? () => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)
                : null;
          if (!act) return false;
          event.preventDefault();
          // The app's own keys (Ctrl+K and the like) listen on the window: they are not meant here.
          event.stopPropagation();
          act();
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return null;
}
