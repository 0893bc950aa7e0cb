import { walkListWithArrows } from '../ui/arrowKeyNavigation';
import { useState } from 'react';
import type { NoteSummary, PassageView } from '../../shared/api';
import type { Block } from '../../shared/documentModel';
import type { HighlightColor } from '../../shared/passages';
import { ColorFilter } from './ColorFilter';
import { useColorLabels } from './highlightColorNames';
import { NameColorsDialog } from './NameColorsDialog';
import { pageAt } from '../../shared/pageAt';
import { PassageItem } from './PassageItem';
import type { PassageCorrections } from './usePassageCorrections';
import './passageAnnotation.css';

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

const everyColor: ReadonlySet<HighlightColor> = new Set();

/**
 * The passages of the open source, in reading order, each in its colour with
 * its comment and the notes that link to it; chips above show only some
 * colours. Orphans (their words are gone from the current version) come last,
 * with their old quote and their notes: never hidden.
 */
export function PassagePanel({
  passages,
  notes,
  focusedPassageId,
  blocks,
  ...actions
}: PassagePanelProps) {
  const labels = useColorLabels();
  const [shownColors, setShownColors] = useState(everyColor);
  const [namingColors, setNamingColors] = useState(false);

  // A passage opened from elsewhere (the text, a note) is shown even if its colour was filtered out.
  const [seenFocus, setSeenFocus] = useState(focusedPassageId);
  if (focusedPassageId !== seenFocus) {
    setSeenFocus(focusedPassageId);
    const focused = passages.find((passage) => passage.id === focusedPassageId);
    if (focused && shownColors.size > 0 && !shownColors.has(focused.color)) {
      setShownColors(everyColor);
    }
  }

  if (passages.length === 0) {
    return <p className="empty-state">Select text in the article and press M to mark a passage.</p>;
  }
  const toggleColor = (color: HighlightColor) =>
    setShownColors((shown) => {
      const next = new Set(shown);
      if (!next.delete(color)) next.add(color);
      return next;
    });
  // Which notes link here is the core's answer (passage.noteIds); the list gives their titles.
  const notesById = new Map(notes.map((note) => [note.id, note]));
  const backlinksOf = (passage: PassageView) =>
    passage.noteIds.flatMap((noteId) => notesById.get(noteId) ?? []);
  const listed = [...passages]
    .filter((passage) => shownColors.size === 0 || shownColors.has(passage.color))
    .sort(byReadingOrder);
  return (
    <>
      <ColorFilter
        passages={passages}
        shown={shownColors}
        labels={labels}
        onToggle={toggleColor}
        onNameColors={() => setNamingColors(true)}
      />
      {listed.length === 0 && <p className="empty-state">No passages in these colours.</p>}
      <ul className="passage-list" aria-label="Passages" onKeyDown={walkListWithArrows}>
        {listed.map((passage) => (
          <PassageItem
            key={passage.id}
            passage={passage}
            backlinks={backlinksOf(passage)}
            focused={passage.id === focusedPassageId}
            page={passage.start === null ? null : pageAt(blocks, passage.start)}
            labels={labels}
            {...actions}
          />
        ))}
      </ul>
      {namingColors && <NameColorsDialog labels={labels} onClose={() => setNamingColors(false)} />}
    </>
  );
}

/** By place in the current text; orphans (no place) last, oldest first. */
function byReadingOrder(a: PassageView, b: PassageView): number {
  return (a.start ?? Infinity) - (b.start ?? Infinity) || Number(a.id) - Number(b.id);
}
