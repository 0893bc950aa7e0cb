/** The note editor's own keys, with the labels the help screen shows for them. */
import { shortcuts } from '../../app/shortcuts';
import { hasPrimaryModifier } from '../../ui/dom';

interface NoteKey {
  keys: string;
  matches: (event: KeyboardEvent) => boolean;
}

/** Ctrl (Cmd on macOS) and a letter, with or without Shift, never with Alt (AltGr types letters). */
function primaryKey(code: string, shift: boolean): (event: KeyboardEvent) => boolean {
  return (event) =>
    event.code === code && hasPrimaryModifier(event) && !event.altKey && event.shiftKey === shift;
}

export const noteKeys = {
  strikethrough: { keys: shortcuts.noteStrikethrough.keys, matches: primaryKey('KeyX', true) },
  code: { keys: shortcuts.noteInlineCode.keys, matches: primaryKey('KeyE', false) },
  link: { keys: shortcuts.noteLink.keys, matches: primaryKey('KeyK', true) },
} satisfies Record<string, NoteKey>;
