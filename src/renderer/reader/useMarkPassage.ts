import { useCallback, useState } from 'react';
import type { MarkedPassage, PassageView } from '../../shared/api';
import { passageTooShort, type HighlightColor } from '../../shared/passages';
import { api } from '../api/client';
import { useAction } from '../ui/useAction';
import { recordLibraryAction } from '../undo/libraryUndo';
import type { TextSpan } from './textRanges';

/** What a new passage may carry besides its words. */
export interface NewPassageAnnotation {
  color?: HighlightColor;
  comment?: string;
}

export interface MarkAction {
  /**
   * Marks the selection, resolving with the passage's id (undefined when the core
   * refused). Null when nothing long enough is selected, or while the last press
   * is still being saved.
   */
  mark: ((annotation?: NewPassageAnnotation) => Promise<string | undefined>) | null;
  marking: boolean;
  /** Why the selected words cannot be a passage (passageTooShort); null otherwise. */
  tooShort: string | null;
}

/**
 * Marks the selected span as a new passage or, while an orphan is being
 * re-attached, attaches that passage to it instead (its id, and so every note's
 * link to it, stays; its colour and comment too). `onDone` receives the
 * passage's id either way. The selection then shrinks to a caret at its end,
 * where the keyboard can go on selecting. A new passage can be taken back with
 * Ctrl+Z outside the note editor.
 */
export function useMarkPassage(
  source: { id: string; text: string },
  selection: TextSpan | null,
  reattaching: PassageView | null,
  onDone: (passageId: string) => void,
): MarkAction {
  const run = useAction();
  const [marking, setMarking] = useState(false);
  const reattachingId = reattaching?.id;
  const sourceId = source.id;
  const tooShort = selection && passageTooShort(source.text.slice(selection.start, selection.end));

  const mark = useCallback(
    async (annotation: NewPassageAnnotation = {}) => {
      if (!selection) return undefined;
      setMarking(true);
      const { start, end } = selection;
      const passageId = await (reattachingId
        ? run('Could not re-attach the passage', async () => {
            await api.reattachPassage({ passageId: reattachingId, start, end });
            return reattachingId;
          })
        : run('Could not mark the passage', () => markSpan(sourceId, { start, end }, annotation)));
      setMarking(false);
      if (passageId) {
        const selected = document.getSelection();
        if (selected && selected.rangeCount > 0) selected.collapseToEnd();
        onDone(passageId);
      }
      return passageId;
    },
    [sourceId, selection, reattachingId, onDone, run],
  );

  return { mark: selection && !tooShort && !marking ? mark : null, marking, tooShort };
}

/**
 * Marks `span` of the source as a passage (or finds the one already on it),
 * resolving with its id; a new one can be taken back with Ctrl+Z outside the
 * note editor. What the Mark button and a selection dropped into a note both do.
 */
export async function markSpan(
  sourceId: string,
  { start, end }: TextSpan,
  annotation: NewPassageAnnotation = {},
): Promise<string> {
  const marked = await api.markPassage({ sourceId, start, end, ...annotation });
  if (marked.created) {
    recordLibraryAction({ label: 'Passage marked', undo: () => unmark(sourceId, marked) });
  }
  return marked.passageId;
}

/**
 * Takes a new passage back: the one now on those words, which is another id
 * when the passage was removed and its removal undone in between.
 */
async function unmark(sourceId: string, marked: MarkedPassage): Promise<void> {
  const passages = await api.listPassages({ sourceId });
  const onThoseWords = passages.find(
    (passage) => passage.start === marked.start && passage.end === marked.end,
  );
  if (onThoseWords) await api.deletePassage({ passageId: onThoseWords.id });
}
