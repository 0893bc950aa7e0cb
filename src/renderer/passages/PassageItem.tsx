import { listItemProps } from '../ui/arrowKeyNavigation';
import { useEffect, useRef, useState } from 'react';
import type { NoteSummary, PassageView } from '../../shared/api';
import type { HighlightColor } from '../../shared/passages';
import { api } from '../api/client';
import { startPassageDrag } from '../notes/passageLink/passageDrag';
import { AsyncButton } from '../ui/AsyncButton';
import { isolate } from '../ui/bidi';
import { shorten } from '../ui/shorten';
import { useAction } from '../ui/useAction';
import { ColorChoice } from './ColorChoice';
import { ColorSwatch } from './ColorSwatch';
import { CommentEditor } from './CommentEditor';
import { colorName, type ColorLabels } from './highlightColorNames';
import { hasStanding, PassageStanding } from './PassageStanding';
import type { PassageCorrections } from './usePassageCorrections';

interface PassageItemProps {
  passage: PassageView;
  /** Notes that link to this passage. */
  backlinks: NoteSummary[];
  focused: boolean;
  /** The PDF page the passage starts on, to cite it by. */
  page: number | null;
  /** The source's current text (a moved or fuzzy passage's words there). */
  currentText: string;
  corrections: PassageCorrections;
  labels: ColorLabels;
  onOpenPassage: (passage: PassageView) => void;
  onOpenNote: (noteId: string) => void;
  onLinkIntoNote: (passage: PassageView) => void;
  onRemove: (passage: PassageView) => Promise<void>;
}

/**
 * One passage in the side panel, in its colour: its quote (an orphan's: the
 * words it was marked on, now gone), the analyst's comment, where the current
 * version left it, the notes that link to it, and what can be done with it
 * (recolour, comment, link in a note, remove).
 */
export function PassageItem({
  passage,
  backlinks,
  focused,
  page,
  currentText,
  corrections,
  labels,
  onOpenPassage,
  onOpenNote,
  onLinkIntoNote,
  onRemove,
}: PassageItemProps) {
  const run = useAction();
  const itemRef = useRef<HTMLLIElement>(null);
  const [editingComment, setEditingComment] = useState(false);
  const [choosingColor, setChoosingColor] = useState(false);
  const commentButtonRef = useRef<HTMLButtonElement>(null);
  const colorButtonRef = useRef<HTMLButtonElement>(null);
  // Closing an editor puts the focus back on the button that opened it.
  const closeCommentEditor = () => {
    setEditingComment(false);
    commentButtonRef.current?.focus();
  };
  const closeColorChoice = () => {
    setChoosingColor(false);
    colorButtonRef.current?.focus();
  };
  useEffect(() => {
    if (focused) itemRef.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);

  const quoted = isolate(shorten(passage.exact));
  const saveComment = async (comment: string) => {
    const saved = await run('Could not save the comment', () =>
      api.annotatePassage({ passageId: passage.id, comment }),
    );
    if (saved) closeCommentEditor();
  };
  const recolour = async (color: HighlightColor) => {
    closeColorChoice();
    await run('Could not change the colour', () =>
      api.annotatePassage({ passageId: passage.id, color }),
    );
  };

  return (
    <li
      ref={itemRef}
      className={`passage-item status-${passage.status}${focused ? ' is-focused' : ''}`}
      data-testid="passage-item"
      data-passage-id={passage.id}
      data-status={passage.status}
      data-color={passage.color}
    >
      <button
        type="button"
        className="passage-quote"
        {...listItemProps}
        dir="auto"
        onClick={() => onOpenPassage(passage)}
        // Its words are the handle (the comment box stays selectable); on the note, they become a link.
        draggable
        onDragStart={(event) =>
          startPassageDrag(event.dataTransfer, {
            kind: 'passage',
            passageId: passage.id,
            sourceId: passage.sourceId,
            quote: passage.exact,
          })
        }
      >
        {passage.exact}
      </button>
      {editingComment ? (
        <CommentEditor
          initial={passage.comment ?? ''}
          label={`Comment on passage ${quoted}`}
          onSave={saveComment}
          onCancel={closeCommentEditor}
        />
      ) : (
        passage.comment && (
          <p className="passage-comment" data-testid="passage-comment" dir="auto">
            {passage.comment}
          </p>
        )
      )}
      {hasStanding(passage) && (
        <PassageStanding
          passage={passage}
          currentText={currentText}
          selected={focused}
          onReattach={onOpenPassage}
          corrections={corrections}
        />
      )}
      <div className="passage-footer">
        {page !== null && (
          <span className="passage-page" data-testid="passage-page">
            p. {page}
          </span>
        )}
        {backlinks.length > 0 && (
          <ul className="backlinks" aria-label="Notes linking here">
            {backlinks.map((note) => (
              <li key={note.id}>
                <button
                  type="button"
                  className="backlink"
                  data-testid="passage-backlink"
                  dir="auto"
                  onClick={() => onOpenNote(note.id)}
                >
                  {note.title}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="passage-actions">
          <button
            ref={colorButtonRef}
            type="button"
            className="button button-small passage-color-button"
            data-testid="passage-color"
            aria-label={`Colour: ${colorName(passage.color, labels)}`}
            title={`Colour: ${colorName(passage.color, labels)}. Click to change it`}
            aria-expanded={choosingColor}
            onClick={() => setChoosingColor((open) => !open)}
          >
            <ColorSwatch color={passage.color} />
          </button>
          <button
            ref={commentButtonRef}
            type="button"
            className="button button-small"
            data-testid="edit-comment"
            aria-label={`${passage.comment ? 'Edit comment on' : 'Comment on'} passage ${quoted}`}
            aria-expanded={editingComment}
            onClick={() => setEditingComment(true)}
          >
            {passage.comment ? 'Edit comment' : 'Comment'}
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="link-passage-into-note"
            title="Insert a link to this passage into the open note (or start a new note)"
            onClick={() => onLinkIntoNote(passage)}
          >
            Link in note
          </button>
          <AsyncButton
            className="button button-small"
            data-testid="remove-passage"
            aria-label={`Remove passage ${quoted}`}
            onClick={() => onRemove(passage)}
          >
            Remove
          </AsyncButton>
        </div>
      </div>
      {choosingColor && (
        <ColorChoice
          current={passage.color}
          labels={labels}
          onChoose={(color) => void recolour(color)}
          onClose={closeColorChoice}
        />
      )}
    </li>
  );
}
