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

/** A letter pressed alone (with or without Shift) outside a field: a command on the reader's selection. */
function isLetterKey(event: KeyboardEvent, letter: string): boolean {
  return (
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    event.key.toLowerCase() === letter &&
    !isTypingTarget(event.target)
  );
}

/**
 * Ctrl+Alt and a key, by its place on the keyboard (with Alt, macOS types a
 * symbol instead of the letter). AltGr, which some layouts need to type
 * brackets and accented letters, is not Ctrl+Alt.
 */
function isCtrlAlt(event: KeyboardEvent, code: string): boolean {
  return (
    event.code === code &&
    hasPrimaryModifier(event) &&
    event.altKey &&
    !event.shiftKey &&
    !event.getModifierState('AltGraph')
  );
}

/** Alt and an arrow alone, as browsers go back and forward; in a field Alt+arrows move the caret. */
function isAltArrow(event: KeyboardEvent, key: string): boolean {
  return (
    event.key === key &&
    event.altKey &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.shiftKey &&
    !isTypingTarget(event.target)
  );
}

export const shortcuts = {
  commandPalette: {
    keys: 'Ctrl+K',
    description: 'Command palette: every action, recent articles and notes',
    matches: (event) =>
      event.key.toLowerCase() === 'k' &&
      hasPrimaryModifier(event) &&
      !event.altKey &&
      !event.shiftKey,
  },
  search: {
    keys: '/',
    description: 'Search',
    matches: (event) => event.key === '/' && !isTypingTarget(event.target),
  },
  clearSearch: { keys: 'Esc', description: 'Clear the search' },
  markPassage: {
    keys: markPassageKey.toUpperCase(),
    description: 'Mark the selected text as a passage',
    matches: (event) => isLetterKey(event, markPassageKey),
  },
  quoteSelection: {
    keys: 'Q',
    description: 'Quote the selected text into the note, with its citation',
    matches: (event) => isLetterKey(event, 'q'),
  },
  linkSelection: {
    keys: 'L',
    description: 'Link the selected text in the note (marked as a passage)',
    matches: (event) => isLetterKey(event, 'l'),
  },
  newNote: {
    keys: 'Ctrl+Alt+N',
    description: 'New note',
    // The physical key: with Alt, macOS types a symbol instead of "n".
    matches: (event) => event.code === 'KeyN' && hasPrimaryModifier(event) && event.altKey,
  },
  toggleLibrary: {
    keys: 'Ctrl+Alt+B',
    description: 'Show or hide the library',
    matches: (event) => isCtrlAlt(event, 'KeyB'),
  },
  toggleSidePanel: {
    keys: 'Ctrl+Alt+P',
    description: 'Show or hide the passages and note',
    matches: (event) => isCtrlAlt(event, 'KeyP'),
  },
  focusMode: {
    keys: 'Ctrl+Alt+F',
    description: 'Focus mode: the article alone',
    matches: (event) => isCtrlAlt(event, 'KeyF'),
  },
  leaveFocusMode: {
    keys: 'Esc',
    description: 'Leave focus mode',
    // Escape in a field, a dialog or a menu is theirs (clearing, closing).
    matches: (event) =>
      event.key === 'Escape' &&
      !event.defaultPrevented &&
      !isTypingTarget(event.target) &&
      !(event.target instanceof Element && event.target.closest('dialog, .popover')),
  },
  goBack: {
    keys: 'Alt+←',
    description: 'Back to the article, passage or note shown before (or the mouse back button)',
    matches: (event) => isAltArrow(event, 'ArrowLeft'),
  },
  goForward: {
    keys: 'Alt+→',
    description: 'Forward again (or the mouse forward button)',
    matches: (event) => isAltArrow(event, 'ArrowRight'),
  },
  selectByKeyboard: {
    keys: 'Shift+Arrows',
    description: 'In the article: select words from the caret (then M marks them)',
  },
  selectionToolbar: {
    keys: 'Tab',
    description: 'From selected words to the selection toolbar (mark, colour, comment, copy)',
  },
  walkLists: {
    keys: '↑ ↓ Home End',
    description: 'Walk the library, notes, passages and search results (Enter opens)',
  },
  boldItalic: { keys: 'Ctrl+B / Ctrl+I', description: 'Bold / italic in a note' },
  noteStrikethrough: { keys: 'Ctrl+Shift+X', description: 'Strikethrough in a note (or ~~text~~)' },
  noteInlineCode: { keys: 'Ctrl+E', description: 'Inline code in a note (or `text`)' },
  noteLink: {
    keys: 'Ctrl+Shift+K',
    description: 'Add or edit a link in a note (Enter saves, Esc cancels)',
  },
  noteBlocks: {
    keys: '## > - 1. [ ] ``` ---',
    description:
      'At a line start in a note, then Space: heading, quote, lists, check list, code, rule',
  },
  undoRedo: { keys: 'Ctrl+Z / Ctrl+Shift+Z', description: 'Undo / redo in a note' },
  undoLibrary: {
    keys: 'Ctrl+Z',
    description:
      'Outside the note editor: undo the last library action (mark, remove, tags, trash, collection)',
  },
} satisfies Record<string, Shortcut>;
