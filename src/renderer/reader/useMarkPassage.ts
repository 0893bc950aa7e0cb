import { useCallback, useState } from 'react';
import type { PassageView } from '../../shared/api';
import { api } from '../api/client';
import { useAction } from '../ui/useAction';
import type { TextSpan } from './textRanges';

export interface MarkAction {
  /** Null when nothing is selected (or while the last press is still being saved). */
  mark: (() => void) | null;
  marking: boolean;
}

/**
 * Marks the selected span as a new passage or, while an orphan is being
 * re-attached, attaches that passage to it instead (its id, and so every note's
 * link to it, stays). `onDone` receives the passage's id either way.
 */
export function useMarkPassage(
  sourceId: string,
  selection: TextSpan | null,
  reattaching: PassageView | null,
  onDone: (passageId: string) => void,
): MarkAction {
  const run = useAction();
  const [marking, setMarking] = useState(false);
  const reattachingId = reattaching?.id;

  const mark = useCallback(() => {
    if (!selection) return;
    setMarking(true);
    const { start, end } = selection;
    const saved = reattachingId
      ? run('Could not re-attach the passage', async () => {
          await api.reattachPassage({ passageId: reattachingId, start, end });
          return reattachingId;
        })
      : run('Could not mark the passage', async () => {
          const marked = await api.markPassage({ sourceId, start, end });
          return marked.passageId;
        });
    void saved.then((passageId) => {
      setMarking(false);
      if (!passageId) return;
      document.getSelection()?.removeAllRanges();
      onDone(passageId);
    });
  }, [sourceId, selection, reattachingId, onDone, run]);

  return { mark: selection && !marking ? mark : null, marking };
}
