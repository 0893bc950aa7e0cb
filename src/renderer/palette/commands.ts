import type { NoteSummary, PassageView, SourceDetail, SourceSummary } from '../../shared/api';
import { pageAt } from '../../shared/pageAt';
import { shortcuts } from '../app/shortcuts';
import type { NoteActions } from '../app/useNoteActions';
import type { WorkspaceLayout } from '../layout/useWorkspaceLayout';
import { citedFrom } from '../reader/citation';
import { isolate } from '../ui/bidi';
import type { NavigationHistory } from './useNavigationHistory';

export const paletteGroups = [
  'Note editor',
  'Reader',
  'Library',
  'Navigation',
  'Notebook',
  'Layout',
] as const;
export type PaletteGroup = (typeof paletteGroups)[number];

export interface PaletteCommand {
  id: string;
  group: PaletteGroup;
  label: string;
  /** The shortcut that does the same, from the one list of shortcuts. */
  keys?: string;
  run: () => void;
}

/** What the palette can act on, read when it opens. */
export interface PaletteContext {
  layout: WorkspaceLayout;
  history: NavigationHistory;
  noteActions: NoteActions;
  sources: SourceSummary[];
  notes: NoteSummary[];
  openSource: (sourceId: string) => void;
  openNote: (noteId: string) => void;
  focusSearch: () => void;
  /** The open article and the passage shown in it, when there are. */
  source: SourceDetail | null;
  focusedPassage: PassageView | null;
  /** Words selected in the reader when the palette opened. */
  readerSelection: Range | null;
}

/** The actions possible now, grouped; one that cannot run now is left out. */
export function paletteCommands(context: PaletteContext): PaletteCommand[] {
  const { layout, history, noteActions, focusedPassage, readerSelection } = context;
  const commands: PaletteCommand[] = [
    {
      id: 'new-note',
      group: 'Note editor',
      label: 'New note',
      keys: shortcuts.newNote.keys,
      run: noteActions.newNote,
    },
  ];
  const { source } = context;
  if (source && focusedPassage) {
    const title = source.title;
    // Cited as the selection toolbar cites it: title, site, date and page.
    const page = focusedPassage.start === null ? null : pageAt(source.blocks, focusedPassage.start);
    commands.push(
      {
        id: 'quote-into-note',
        group: 'Note editor',
        label: 'Quote the passage into the note',
        run: () => noteActions.quoteIntoNote(focusedPassage, citedFrom(source, page), title),
      },
      {
        id: 'link-in-note',
        group: 'Note editor',
        label: 'Link the passage in the note',
        run: () => noteActions.linkIntoNote(focusedPassage, title),
      },
    );
  }
  if (readerSelection) {
    commands.push({
      id: 'mark-passage',
      group: 'Reader',
      label: 'Mark the selected text as a passage',
      keys: shortcuts.markPassage.keys,
      run: () => void markSelection(readerSelection),
    });
  }
  addIfShown(commands, 'edit-source-button', 'Reader', 'Edit details… of the open article');
  addIfShown(commands, 'trash-source-button', 'Reader', 'Move the open article to the trash');
  addIfShown(commands, 'name-colors', 'Reader', 'Name colours…');
  commands.push({
    id: 'search',
    group: 'Library',
    label: 'Search',
    keys: shortcuts.search.keys,
    run: context.focusSearch,
  });
  if (history.canGoBack) {
    commands.push({
      id: 'go-back',
      group: 'Navigation',
      label: 'Go back',
      keys: shortcuts.goBack.keys,
      run: history.goBack,
    });
  }
  if (history.canGoForward) {
    commands.push({
      id: 'go-forward',
      group: 'Navigation',
      label: 'Go forward',
      keys: shortcuts.goForward.keys,
      run: history.goForward,
    });
  }
  for (const item of history.recent()) {
    const found =
      item.kind === 'source'
        ? context.sources.find((source) => source.id === item.id)
        : context.notes.find((note) => note.id === item.id);
    if (!found) continue;
    const open = item.kind === 'source' ? context.openSource : context.openNote;
    commands.push({
      id: `open-${item.kind}-${item.id}`,
      group: 'Navigation',
      label: `Open ${isolate(found.title)}`,
      run: () => open(item.id),
    });
  }
  commands.push(
    notebookMenuCommand('trash', 'Trash…', 'open-trash', 'click'),
    notebookMenuCommand(
      'check-notebook',
      'Check the notebook for problems',
      'check-notebook',
      'click',
    ),
    notebookMenuCommand('export-notes', 'Export notes…', 'export-notes', 'click'),
    notebookMenuCommand('back-up', 'Back up…', 'backup-destination', 'focus'),
    notebookMenuCommand('backups', 'Backups…', 'open-backups', 'click'),
    {
      id: 'toggle-library',
      group: 'Layout',
      label: 'Show or hide the library',
      keys: shortcuts.toggleLibrary.keys,
      run: () => layout.togglePane('library'),
    },
    {
      id: 'toggle-side-panel',
      group: 'Layout',
      label: 'Show or hide the passages and note',
      keys: shortcuts.toggleSidePanel.keys,
      run: () => layout.togglePane('side'),
    },
    {
      id: 'focus-mode',
      group: 'Layout',
      label: layout.focusMode ? 'Leave focus mode' : 'Focus mode: the article alone',
      keys: shortcuts.focusMode.keys,
      run: () => layout.setFocusMode(!layout.focusMode),
    },
  );
  return commands;
}

/**
 * Actions whose dialogs belong to the article's details and the colour
 * filter: the palette presses their button, so it offers them only while
 * that button is on the page.
 */
function addIfShown(
  commands: PaletteCommand[],
  testId: string,
  group: PaletteGroup,
  label: string,
) {
  if (!document.querySelector(`[data-testid="${testId}"]`)) return;
  commands.push({
    id: testId,
    group,
    label,
    run: () => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.click(),
  });
}

/** An item of the Notebook menu: the menu opens, then the item is pressed or focused. */
function notebookMenuCommand(
  id: string,
  label: string,
  testId: string,
  action: 'click' | 'focus',
): PaletteCommand {
  return {
    id,
    group: 'Notebook',
    label,
    run: () => {
      const menu = document.querySelector<HTMLDetailsElement>('details.notebook-menu');
      if (!menu) return;
      menu.open = true;
      void whenShown(`[data-testid="${testId}"]`).then((element) => element?.[action]());
    },
  };
}

/** The element once React has drawn it (the menu draws its items when it opens). */
async function whenShown(selector: string): Promise<HTMLElement | null> {
  for (let frame = 0; frame < 60; frame++) {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) return element;
    await nextFrame();
  }
  return null;
}

/** Selects the words again; once the reader's selection toolbar is back, its Mark runs. */
async function markSelection(range: Range) {
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  (await whenShown('[data-testid="selection-mark"]'))?.click();
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
