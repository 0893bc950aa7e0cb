import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { NoteSummary, PassageView, SourceDetail, SourceSummary } from '../../shared/api';
import type { Navigation } from '../app/navigation';
import { shortcuts } from '../app/shortcuts';
import type { NoteActions } from '../app/useNoteActions';
import type { WorkspaceLayout } from '../layout/useWorkspaceLayout';
import { isolate } from '../ui/bidi';
import { paletteCommands, paletteGroups, type PaletteCommand } from './commands';
import { matchesQuery } from './matchQuery';
import { useHistoryKeys } from './useHistoryKeys';
import { useNavigationHistory } from './useNavigationHistory';
import './palette.css';

interface CommandPaletteProps {
  navigation: Navigation;
  layout: WorkspaceLayout;
  noteActions: NoteActions;
  sources: SourceSummary[] | undefined;
  notes: NoteSummary[] | undefined;
  /** The open article and its passages, when one is open. */
  source: SourceDetail | undefined;
  passages: PassageView[] | undefined;
  focusSearch: () => void;
  /** Fills the search box with `text` and shows its results. */
  onSearch: (text: string) => void;
}

/**
 * Ctrl+K: every action of the window in one filtered list, with its shortcut,
 * the articles and notes opened last, and a search for the words typed. Also
 * owns back and forward (Alt+arrows, the mouse's side buttons).
 */
export function CommandPalette(props: CommandPaletteProps) {
  const { navigation, layout } = props;
  const history = useNavigationHistory(navigation);
  useHistoryKeys(history);

  const [commands, setCommands] = useState<PaletteCommand[] | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  // Read fresh each time it opens: what is possible depends on the page at that moment.
  const context = useRef({ props, history });
  useEffect(() => {
    context.current = { props, history };
  });
  const open = useCallback(() => {
    const { props: current, history: currentHistory } = context.current;
    returnFocus.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const focusId = current.navigation.focus?.passageId;
    setCommands(
      paletteCommands({
        layout: current.layout,
        history: currentHistory,
        noteActions: current.noteActions,
        sources: current.sources ?? [],
        notes: current.notes ?? [],
        openSource: current.navigation.openSource,
        openNote: current.navigation.openNote,
        focusSearch: () => {
          // Focus mode hides the search box: show it before it takes the keys.
          flushSync(() => current.layout.setFocusMode(false));
          current.focusSearch();
        },
        source: current.source ?? null,
        focusedPassage: current.passages?.find((passage) => passage.id === focusId) ?? null,
        readerSelection: readerSelection(),
      }),
    );
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!shortcuts.commandPalette.matches(event)) return;
      event.preventDefault();
      open();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);

  const close = (restoreFocus: boolean) => {
    setCommands(null);
    if (restoreFocus) returnFocus.current?.focus();
  };

  if (!commands) return null;
  return (
    <PaletteDialog
      commands={commands}
      onRun={(command) => {
        close(false);
        command.run();
      }}
      onSearch={(text) => {
        close(false);
        flushSync(() => layout.setFocusMode(false));
        props.onSearch(text);
      }}
      onCancel={() => close(true)}
    />
  );
}

/** The words selected in the reader, if any, kept before the palette takes the focus. */
function readerSelection(): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const reader = document.querySelector('[data-testid="reader"]');
  return reader?.contains(range.commonAncestorContainer) ? range.cloneRange() : null;
}

interface PaletteDialogProps {
  commands: PaletteCommand[];
  onRun: (command: PaletteCommand) => void;
  onSearch: (text: string) => void;
  onCancel: () => void;
}

interface Option {
  id: string;
  label: string;
  keys?: string;
  /** Null for the search for the words typed. */
  command: PaletteCommand | null;
}

function PaletteDialog({ commands, onRun, onSearch, onCancel }: PaletteDialogProps) {
  const baseId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    dialogRef.current?.showModal();
  }, []);
  // Closed before anything takes the focus: a modal dialog keeps it from the page behind.
  const leave = useCallback((then: () => void) => {
    dialogRef.current?.close();
    then();
  }, []);

  const groups = useMemo(() => {
    const listed: { group: string; options: Option[] }[] = paletteGroups
      .map((group) => ({
        group,
        options: commands
          .filter(
            (command) =>
              command.group === group && matchesQuery(`${command.label} ${command.group}`, query),
          )
          .map((command): Option => ({ ...command, command })),
      }))
      .filter(({ options }) => options.length > 0);
    // The words typed are also offered as a search, last, so Enter runs a matching command first.
    const words = query.trim();
    if (words !== '') {
      const label = `Search for ${isolate(words)}`;
      const searchFor = { id: 'search-for', label, keys: shortcuts.search.keys, command: null };
      listed.push({ group: 'Search', options: [searchFor] });
    }
    return listed;
  }, [commands, query]);
  const run = (option: Option) =>
    leave(() => (option.command ? onRun(option.command) : onSearch(query.trim())));

  const options = groups.flatMap(({ options }) => options);
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (option: Option) => `${baseId}-${option.id}`;
  const activeOption = options[activeIndex];

  useEffect(() => {
    if (activeOption)
      document.getElementById(optionId(activeOption))?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (event: React.KeyboardEvent) => {
    const last = options.length - 1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const down = event.key === 'ArrowDown';
      setActive(
        down
          ? activeIndex >= last
            ? 0
            : activeIndex + 1
          : activeIndex <= 0
            ? last
            : activeIndex - 1,
      );
    } else if (event.key === 'Enter' && activeOption) {
      event.preventDefault();
      run(activeOption);
    }
  };

  const listId = `${baseId}-list`;
  return (
    <dialog
      ref={dialogRef}
      className="dialog command-palette"
      aria-label="Command palette"
      data-testid="command-palette"
      onCancel={(event) => {
        event.preventDefault();
        leave(onCancel);
      }}
      onClick={(event) => {
        // A click on the backdrop, outside the box.
        if (event.target === dialogRef.current) leave(onCancel);
      }}
    >
      <input
        className="command-palette-input"
        data-testid="command-palette-input"
        role="combobox"
        aria-label="Type a command, an article or note to open, or words to search"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
        placeholder="Type a command or words to search…"
        dir="auto"
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label="Commands" className="command-palette-list">
        {groups.map(({ group, options: groupOptions }, groupIndex) => (
          <div
            key={`${group}-${groupIndex}`}
            role="group"
            aria-labelledby={`${listId}-${groupIndex}`}
          >
            <div
              className="command-palette-group"
              id={`${listId}-${groupIndex}`}
              role="presentation"
            >
              {group}
            </div>
            {groupOptions.map((option) => {
              const selected = option === activeOption;
              return (
                <div
                  key={option.id}
                  id={optionId(option)}
                  role="option"
                  aria-selected={selected}
                  className="command-palette-option"
                  data-testid="command-palette-option"
                  onMouseMove={() => setActive(options.indexOf(option))}
                  onClick={() => run(option)}
                >
                  <span dir="auto" className="command-palette-label">
                    {option.label}
                  </span>
                  {option.keys && <kbd>{option.keys}</kbd>}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </dialog>
  );
}
