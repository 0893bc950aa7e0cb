import { useEffect, useRef } from 'react';
import type { NoteSummary, PassageView } from '../../shared/api';
import { AsyncButton } from '../ui/AsyncButton';
import { isolate } from '../ui/bidi';
import { shorten } from '../ui/shorten';
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
  onOpenPassage: (passage: PassageView) => void;
  onOpenNote: (noteId: string) => void;
  onLinkIntoNote: (passage: PassageView) => void;
  onRemove: (passage: PassageView) => Promise<void>;
}

/**
 * One passage in the side panel: its quote (an orphan's: the words it was
 * marked on, now gone), where the current version left it, the notes that link
 * to it, and what can be done with it.
 */
export function PassageItem({
  passage,
  backlinks,
  focused,
  page,
  currentText,
  corrections,
  onOpenPassage,
  onOpenNote,
  onLinkIntoNote,
  onRemove,
}: PassageItemProps) {
  const itemRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) itemRef.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);

  return (
    <li
      ref={itemRef}
      className={`passage-item status-${passage.status}${focused ? ' is-focused' : ''}`}
      data-testid="passage-item"
      data-passage-id={passage.id}
      data-status={passage.status}
    >
      <button
        type="button"
        className="passage-quote"
        dir="auto"
        onClick={() => onOpenPassage(passage)}
      >
        {passage.exact}
      </button>
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
            aria-label={`Remove passage ${isolate(shorten(passage.exact))}`}
            onClick={() => onRemove(passage)}
          >
            Remove
          </AsyncButton>
        </div>
      </div>
    </li>
  );
}
