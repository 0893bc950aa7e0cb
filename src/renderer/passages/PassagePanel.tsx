import type { NoteSummary, PassageView } from '../../shared/api';
import type { Block } from '../../shared/documentModel';
import { pageAt } from './pageAt';
import { PassageItem } from './PassageItem';
import type { PassageCorrections } from './usePassageCorrections';

interface PassagePanelProps {
  passages: PassageView[];
  notes: NoteSummary[];
  focusedPassageId: string | null;
  /** The source's current text. */
  currentText: string;
  /** Its blocks, for the page a passage is on (PDF). */
  blocks: readonly Block[];
  corrections: PassageCorrections;
  onOpenPassage: (passage: PassageView) => void;
  onOpenNote: (noteId: string) => void;
  onLinkIntoNote: (passage: PassageView) => void;
  onRemove: (passage: PassageView) => Promise<void>;
}

/**
 * The passages of the open source, in reading order, each with the notes that
 * link to it. Orphans (their words are gone from the current version) come last,
 * with their old quote and their notes: never hidden.
 */
export function PassagePanel({
  passages,
  notes,
  focusedPassageId,
  blocks,
  ...actions
}: PassagePanelProps) {
  if (passages.length === 0) {
    return <p className="empty-state">Select text in the article and press M to mark a passage.</p>;
  }
  // Which notes link here is the core's answer (passage.noteIds); the list gives their titles.
  const notesById = new Map(notes.map((note) => [note.id, note]));
  const backlinksOf = (passage: PassageView) =>
    passage.noteIds.flatMap((noteId) => notesById.get(noteId) ?? []);
  const inReadingOrder = [...passages].sort(byReadingOrder);
  return (
    <ul className="passage-list">
      {inReadingOrder.map((passage) => (
        <PassageItem
          key={passage.id}
          passage={passage}
          backlinks={backlinksOf(passage)}
          focused={passage.id === focusedPassageId}
          page={passage.start === null ? null : pageAt(blocks, passage.start)}
          {...actions}
        />
      ))}
    </ul>
  );
}

/** By place in the current text; orphans (no place) last, oldest first. */
function byReadingOrder(a: PassageView, b: PassageView): number {
  return (a.start ?? Infinity) - (b.start ?? Infinity) || Number(a.id) - Number(b.id);
}
