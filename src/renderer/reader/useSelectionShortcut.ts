import { useEffect } from 'react';
import type { Shortcut } from '../app/shortcuts';
import { useToast } from '../ui/toastContext';

/**
 * Runs `act` on a key that acts on the reader's selection (the selection lives
 * in the reader, not in a field: M marks, Q quotes, L links). A selection too
 * short to be a passage is not sent: the toast says why. Nothing listens
 * while there is nothing to act on (both null).
 */
export function useSelectionShortcut(
  shortcut: Shortcut,
  act: (() => unknown) | null,
  tooShort: string | null,
): void {
  const toast = useToast();
  useEffect(() => {
    if (!act && !tooShort) return;
    function onKeyDown(event: KeyboardEvent) {
      if (!shortcut.matches?.(event)) return;
      event.preventDefault();
      if (tooShort) toast({ kind: 'info', message: tooShort });
      else act?.();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shortcut, act, tooShort, toast]);
}
