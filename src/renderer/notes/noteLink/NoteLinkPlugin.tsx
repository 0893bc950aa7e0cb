import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  type MenuRenderFn,
} from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $findMatchingParent,
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  isDOMNode,
  registerEventListeners,
  type TextNode,
} from 'lexical';
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { NoteSummary } from '../../../shared/api';
import { noteDisplayTitle } from '../../../shared/noteLink';
import { api } from '../../api/client';
import { useLiveQuery } from '../../app/useLiveQuery';
import { matchesQuery } from '../../palette/matchQuery';
import { $createNoteLinkNode, $isNoteLinkNode, NoteLinkNode } from './NoteLinkNode';
import { matchNoteLinkTrigger } from './noteLinkTrigger';
import { useNoteLinkStandings } from './useNoteLinkStandings';
import './noteLink.css';

/** A note to link to, or (noteId null) a new note with the typed title. */
class NoteChoice extends MenuOption {
  constructor(
    readonly noteId: string | null,
    readonly noteTitle: string,
  ) {
    super(noteId ?? `new:${noteTitle}`);
  }
}

const MAX_CHOICES = 8;

interface NoteLinkPluginProps {
  /** The note being edited: not offered as a link to itself. */
  noteId: string;
  onOpenNote: (noteId: string) => void;
}

/**
 * Links between notes: `[[` opens a list of note titles matching what follows
 * (or creates a note with that title); choosing one puts a link in place of
 * what was typed. A click on a link opens its note; a link whose note is in
 * the trash or gone is drawn so.
 */
export function NoteLinkPlugin({ noteId, onOpenNote }: NoteLinkPluginProps) {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const notes = useLiveQuery(['notes'], 'notes', () => api.listNotes({}));
  useNoteLinkStandings(editor, notes.data);

  const choices = useMemo(
    () => (query === null ? [] : noteChoices(notes.data ?? [], noteId, query)),
    [notes.data, noteId, query],
  );

  useEffect(() => {
    if (!editor.hasNodes([NoteLinkNode])) {
      throw new Error('NoteLinkPlugin needs NoteLinkNode registered in the editor');
    }
    function onClick(event: MouseEvent) {
      const target = event.target;
      const linked = isDOMNode(target)
        ? editor.read(() => {
            const clicked = $getNearestNodeFromDOMNode(target);
            return clicked && $findMatchingParent(clicked, $isNoteLinkNode)?.getNoteId();
          })
        : null;
      if (!linked) return;
      event.preventDefault();
      onOpenNote(linked);
    }
    return mergeRegister(
      editor.registerRootListener((root) =>
        root ? registerEventListeners(root, { click: onClick }) : undefined,
      ),
    );
  }, [editor, onOpenNote]);

  const choose = (choice: NoteChoice, typed: TextNode | null, closeMenu: () => void) => {
    const typedKey = typed?.getKey() ?? null;
    closeMenu();
    if (choice.noteId !== null) {
      editor.update(() => $putNoteLink(typedKey, choice.noteId!, choice.noteTitle));
      return;
    }
    // The note is created first; the typed text stays until its link replaces it.
    void api.createNote({ title: choice.noteTitle }).then(
      ({ noteId: created }) =>
        editor.update(() => $putNoteLink(typedKey, created, choice.noteTitle)),
      (error: unknown) => console.error('Could not create the linked note', error),
    );
  };

  return (
    <LexicalTypeaheadMenuPlugin<NoteChoice>
      triggerFn={matchNoteLinkTrigger}
      onQueryChange={setQuery}
      onSelectOption={choose}
      options={choices}
      menuRenderFn={renderChoices}
    />
  );
}

/** Notes whose title holds every typed word, then a new note with the typed title unless one has it. */
function noteChoices(
  notes: readonly NoteSummary[],
  currentNoteId: string,
  query: string,
): NoteChoice[] {
  const typed = query.trim();
  const found = notes
    .filter((note) => note.id !== currentNoteId && matchesQuery(note.title, typed))
    .slice(0, MAX_CHOICES)
    .map((note) => new NoteChoice(note.id, noteDisplayTitle(note.title)));
  const exists = notes.some((note) => note.title.trim().toLowerCase() === typed.toLowerCase());
  return typed === '' || exists ? found : [...found, new NoteChoice(null, typed)];
}

/** The link replaces what was typed (`[[` and the title), or goes at the cursor when that is gone. */
function $putNoteLink(typedKey: string | null, noteId: string, title: string): void {
  const link = $createNoteLinkNode(noteId).append($createTextNode(title));
  const typed = typedKey === null ? null : $getNodeByKey(typedKey);
  if (typed?.isAttached()) {
    typed.replace(link);
  } else {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    selection.insertNodes([link]);
  }
  link.selectNext();
}

const renderChoices: MenuRenderFn<NoteChoice> = (
  anchor,
  { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex, options },
) =>
  anchor.current && options.length > 0
    ? createPortal(
        <ul
          className="note-link-menu"
          role="listbox"
          aria-label="Link to note"
          data-testid="note-link-menu"
        >
          {options.map((option, index) => (
            <li
              key={option.key}
              ref={(element) => option.setRefElement(element)}
              // The id Lexical's menu names as the editor's aria-activedescendant.
              id={`typeahead-item-${index}`}
              role="option"
              aria-selected={selectedIndex === index}
              className={selectedIndex === index ? 'is-selected' : undefined}
              dir="auto"
              onMouseEnter={() => setHighlightedIndex(index)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setHighlightedIndex(index);
                selectOptionAndCleanUp(option);
              }}
            >
              {option.noteId === null ? (
                <>
                  <span className="note-link-menu-new">New note:</span> {option.noteTitle}
                </>
              ) : (
                option.noteTitle
              )}
            </li>
          ))}
        </ul>,
        anchor.current,
      )
    : null;
