import { useEffect, useRef } from 'react';
import type { NoteSummary, PassageView } from '../../shared/api';
import { AsyncButton } from '../ui/AsyncButton';
import { isolate } from '../ui/bidi';
import { shorten } from '../ui/shorten';

interface PassageItemProps {
  passage: PassageView;
  /** Notes that link to this passage. */
  backlinks: NoteSummary[];
  focused: boolean;
  onOpenPassage: (passage: PassageView) => void;
  onOpenNote: (noteId: string) => void;
  onLinkIntoNote: (passage: PassageView) => void;
  onRemove: (passage: PassageView) => Promise<void>;
}

const statusLabels: Record<PassageView['status'], string | null> = {
  exact: null,
  moved: 'moved',
  fuzzy: 'approximate',
  orphaned: 'not found in the current version',
};

export function PassageItem({
  passage,
  backlinks,
  focused,
  onOpenPassage,
  onOpenNote,
  onLinkIntoNote,
  onRemove,
}: PassageItemProps) {
  const itemRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) itemRef.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);

  const status = statusLabels[passage.status];
  return (
    <li
      ref={itemRef}
      className={focused ? 'passage-item is-focused' : 'passage-item'}
      data-testid="passage-item"
      data-passage-id={passage.id}
    >
      <button
        type="button"
        className="passage-quote"
        dir="auto"
        onClick={() => onOpenPassage(passage)}
      >
        {passage.exact}
      </button>
      {status && <span className={`passage-status status-${passage.status}`}>{status}</span>}
      <div className="passage-footer">
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
