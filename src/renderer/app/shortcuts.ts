/**
 * Dossier's keyboard shortcuts, in one list: the help screen is drawn from it
 * and the handlers match keys with its predicates, so the help cannot say one
 * key while the code listens for another. Labels say Ctrl; on macOS Cmd does
 * the same (hasPrimaryModifier).
 */
import { hasPrimaryModifier, isTypingTarget } from '../ui/dom';

export interface Shortcut {
  /** The keys as the help screen writes them. */
  keys: string;
  description: string;
  /** Whether a key press is this shortcut; absent where a field or the note editor handles the keys. */
  matches?: (event: KeyboardEvent) => boolean;
}

/** A plain letter, so no browser shortcut is taken over; only outside text fields, where M is typed. */
export const markPassageKey = 'm';

export const shortcuts = {
  search: {
    keys: '/  or  Ctrl+K',
    description: 'Search',
    matches: (event) =>
      (event.key.toLowerCase() === 'k' && hasPrimaryModifier(event) && !event.altKey) ||
      (event.key === '/' && !isTypingTarget(event.target)),
  },
  clearSearch: { keys: 'Esc', description: 'Clear the search' },
  markPassage: {
    keys: markPassageKey.toUpperCase(),
    description: 'Mark the selected text as a passage',
    matches: (event) =>
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      event.key.toLowerCase() === markPassageKey &&
      !isTypingTarget(event.target),
  },
  newNote: {
    keys: 'Ctrl+Alt+N',
    description: 'New note',
    // The physical key: with Alt, macOS types a symbol instead of "n".
    matches: (event) => event.code === 'KeyN' && hasPrimaryModifier(event) && event.altKey,
  },
  boldItalic: { keys: 'Ctrl+B / Ctrl+I', description: 'Bold / italic in a note' },
  undoRedo: { keys: 'Ctrl+Z / Ctrl+Shift+Z', description: 'Undo / redo in a note' },
} satisfies Record<string, Shortcut>;
