import { useEffect } from 'react';
import { shortcuts } from '../app/shortcuts';
import { useToast } from '../ui/toastContext';

/**
 * Runs `mark` on the mark-passage key (the selection lives in the reader, not
 * in a field); a selection too short to be a passage is not sent: the toast
 * says why.
 */
export function useMarkShortcut(mark: (() => unknown) | null, tooShort: string | null): void {
  const toast = useToast();
  useEffect(() => {
    if (!mark && !tooShort) return;
    function onKeyDown(event: KeyboardEvent) {
      if (!shortcuts.markPassage.matches(event)) return;
      event.preventDefault();
      if (tooShort) toast({ kind: 'info', message: tooShort });
      else mark?.();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [mark, tooShort, toast]);
}
