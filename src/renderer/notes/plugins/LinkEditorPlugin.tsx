import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_NORMAL,
  getDOMSelection,
  type BaseSelection,
} from 'lexical';
import { useEffect, useState } from 'react';
import { safeLinkHref } from '../../reader/safeLinkHref';
import { OPEN_LINK_EDITOR_COMMAND } from '../formatting/linkCommands';
import { LINK_REL, LINK_TARGET } from './SafeLinksPlugin';

interface Editing {
  /** Where the link goes in the text: the selection when the popover opened. */
  selection: BaseSelection | null;
  url: string;
  inLink: boolean;
}

/**
 * The caret goes to the end of the linked words, where writing goes on: a key
 * pressed before the browser's selection change is read must not find the
 * words still selected (Enter would replace them).
 */
function $collapseToEnd(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return;
  const end = selection.isBackward() ? selection.anchor : selection.focus;
  const { key, offset, type } = end;
  selection.anchor.set(key, offset, type);
  selection.focus.set(key, offset, type);
}

/** The link at `selection`, which the popover keeps to put the link there. */
function $readLinkAt(selection: BaseSelection | null): Editing {
  const link = $isRangeSelection(selection)
    ? $findMatchingParent(selection.anchor.getNode(), $isLinkNode)
    : null;
  return { selection: selection?.clone() ?? null, url: link?.getURL() ?? '', inLink: !!link };
}

/**
 * The small popover that edits the link at the selection: Enter saves (http,
 * https and mailto only), Esc cancels, "Remove link" unlinks the text. With no
 * text selected, the address itself becomes the link's text.
 */
export function LinkEditorPlugin() {
  const [editor] = useLexicalComposerContext();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_LINK_EDITOR_COMMAND,
        () => {
          // From a key press, Lexical may not have read the latest caret move (Shift+Home) yet.
          // Read, not set: setting it would take the focus back from the address field.
          const fromDom = $createRangeSelectionFromDom(getDOMSelection(window), editor);
          setEditing($readLinkAt(fromDom ?? $getSelection()));
          setError(null);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );

  if (!editing) return null;

  const close = () => {
    setEditing(null);
    // Discrete: the cursor is back before the next key press arrives.
    editor.update(() => $setSelection(editing.selection?.clone() ?? null), { discrete: true });
    editor.focus();
  };

  const apply = (url: string | null) => {
    editor.update(
      () => {
        $setSelection(editing.selection?.clone() ?? null);
        const selection = $getSelection();
        if (url && $isRangeSelection(selection) && selection.isCollapsed() && !editing.inLink) {
          const link = $createLinkNode(url, { target: LINK_TARGET, rel: LINK_REL });
          link.append($createTextNode(url));
          selection.insertNodes([link]);
        } else {
          $toggleLink(url, { target: LINK_TARGET, rel: LINK_REL });
        }
        $collapseToEnd();
      },
      { discrete: true },
    );
    setEditing(null);
    editor.focus();
  };

  const save = () => {
    const href = safeLinkHref(editing.url.trim());
    if (href) apply(href);
    else setError('Only http, https and mailto addresses can be links, e.g. https://example.org.');
  };

  return (
    <div
      className="note-link-editor"
      role="dialog"
      aria-label="Edit link"
      data-testid="link-editor"
    >
      <input
        className="note-link-input"
        data-testid="link-url"
        aria-label="Link address"
        placeholder="https://…"
        dir="ltr"
        autoFocus
        value={editing.url}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'note-link-error' : undefined}
        onChange={(event) => setEditing({ ...editing, url: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            save();
          } else if (event.key === 'Escape') {
            // Not the app's Escape (leaving focus mode, clearing the search).
            event.preventDefault();
            event.stopPropagation();
            close();
          }
        }}
      />
      <button type="button" className="button button-small" onClick={save}>
        Save
      </button>
      {editing.inLink && (
        <button
          type="button"
          className="button button-small"
          data-testid="link-remove"
          onClick={() => apply(null)}
        >
          Remove link
        </button>
      )}
      <button type="button" className="button button-small" onClick={close}>
        Cancel
      </button>
      {error && (
        <p id="note-link-error" className="note-link-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
