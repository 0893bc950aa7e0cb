import { useCallback, useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../ui/useAction';
import type { TextSpan } from './textRanges';

/** Marks the selected span as a passage; returns the action (null when nothing is selected) and whether it runs. */
export function useMarkPassage(
  sourceId: string,
  selection: TextSpan | null,
  onMarked: (passageId: string) => void,
): { mark: (() => void) | null; marking: boolean } {
  const run = useAction();
  const [marking, setMarking] = useState(false);

  const mark = useCallback(() => {
    if (!selection) return;
    setMarking(true);
    void run('Could not mark the passage', () =>
      api.markPassage({ sourceId, start: selection.start, end: selection.end }),
    ).then((marked) => {
      setMarking(false);
      if (!marked) return;
      document.getSelection()?.removeAllRanges();
      onMarked(marked.passageId);
    });
  }, [sourceId, selection, onMarked, run]);

  return { mark: selection && !marking ? mark : null, marking };
}
