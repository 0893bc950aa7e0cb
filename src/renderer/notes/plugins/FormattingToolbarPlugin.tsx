import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getSelection, type LexicalEditor } from 'lexical';
import { formatButtons, type FormatButton } from '../formatting/formatButtons';
import { ToolbarButton } from '../formatting/ToolbarButton';
import { useFormatState } from '../formatting/useFormatState';
import { useRovingFocus } from '../formatting/useRovingFocus';

function activate(editor: LexicalEditor, button: FormatButton): void {
  // A note not clicked into yet has no cursor: act at its end, where a click would put it.
  editor.update(() => {
    if (!$getSelection()) $getRoot().selectEnd();
  });
  button.run(editor);
}

/** Buttons above the note for text formats, block kinds and undo/redo, showing the selection's state. */
export function FormattingToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const state = useFormatState(editor);
  const roving = useRovingFocus(formatButtons.length);

  return (
    <div
      role="toolbar"
      aria-label="Formatting"
      className="format-toolbar"
      onKeyDown={(event) => {
        // Escape hands the keyboard back to the text, where the cursor was.
        if (event.key === 'Escape') editor.focus();
        else roving.onKeyDown(event);
      }}
    >
      {formatButtons.map((button, index) => (
        <ToolbarButton
          key={button.id}
          data-testid={`format-${button.id}`}
          className={button.startsGroup ? 'format-group-start' : undefined}
          label={button.label}
          shortcut={button.shortcut}
          pressed={button.pressed?.(state)}
          disabled={button.disabled?.(state)}
          onActivate={() => activate(editor, button)}
          {...roving.itemProps(index)}
        >
          {button.icon}
        </ToolbarButton>
      ))}
    </div>
  );
}
