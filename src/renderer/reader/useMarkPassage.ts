import { useCallback, useState } from 'react';
import { api } from '../api/client';
import { errorMessage } from '../api/apiError';
import { useToast } from '../ui/toastContext';
import type { TextSpan } from './textRanges';

/** Marks the selected span as a passage; returns the action (null when nothing is selected) and whether it runs. */
export function useMarkPassage(
  sourceId: string,
  selection: TextSpan | null,
  onMarked: (passageId: string) => void,
): { mark: (() => void) | null; marking: boolean } {
  const toast = useToast();
  const [marking, setMarking] = useState(false);

  const mark = useCallback(() => {
    if (!selection) return;
    setMarking(true);
    api
      .markPassage({ sourceId, start: selection.start, end: selection.end })
      .then((marked) => {
        document.getSelection()?.removeAllRanges();
        onMarked(marked.passageId);
      })
      .catch((error: unknown) =>
        toast({ kind: 'error', message: `Could not mark the passage: ${errorMessage(error)}` }),
      )
      .finally(() => setMarking(false));
  }, [sourceId, selection, onMarked, toast]);

  return { mark: selection && !marking ? mark : null, marking };
}
