import type { NoteSummary, PassageView } from '../../shared/api';
import { PassageItem } from './PassageItem';

interface PassagePanelProps {
  passages: PassageView[];
  notes: NoteSummary[];
  focusedPassageId: string | null;
  onOpenPassage: (passage: PassageView) => void;
  onOpenNote: (noteId: string) => void;
  onLinkIntoNote: (passage: PassageView) => void;
  onRemove: (passage: PassageView) => Promise<void>;
}

/** The passages of the open source, in reading order, each with the notes that link to it. */
export function PassagePanel({ passages, notes, focusedPassageId, ...actions }: PassagePanelProps) {
  if (passages.length === 0) {
    return <p className="empty-state">Select text in the article and press M to mark a passage.</p>;
  }
  // Backlinks come from the notes list, which refreshes after every save of a note.
  const backlinksOf = (passageId: string) =>
    notes.filter((note) => note.passageIds.includes(passageId));
  const inReadingOrder = [...passages].sort((a, b) => a.start - b.start);
  return (
    <ul className="passage-list">
      {inReadingOrder.map((passage) => (
        <PassageItem
          key={passage.id}
          passage={passage}
          backlinks={backlinksOf(passage.id)}
          focused={passage.id === focusedPassageId}
          {...actions}
        />
      ))}
    </ul>
  );
}
