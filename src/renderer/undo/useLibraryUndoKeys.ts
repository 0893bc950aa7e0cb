import { useEffect } from 'react';
import { errorMessage } from '../../shared/errors';
import { hasPrimaryModifier, isTypingTarget } from '../ui/dom';
import { useToast } from '../ui/toastContext';
import { takeLastLibraryAction } from './libraryUndo';

/**
 * Undo follows focus: Ctrl+Z (Cmd+Z) in the note editor or a text field is
 * theirs; anywhere else (the reader, the lists) it takes back the last library
 * action. The browser's own undo is stopped there, since it would reach into
 * the note last edited and change its text.
 */
export function useLibraryUndoKeys(): void {
  const toast = useToast();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const key = event.key.toLowerCase();
      const undoOrRedo = key === 'z' || (key === 'y' && !event.shiftKey);
      if (!undoOrRedo || !hasPrimaryModifier(event) || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      if (key !== 'z' || event.shiftKey) return;
      const action = takeLastLibraryAction();
      if (!action) {
        toast({ kind: 'info', message: 'Nothing to undo in the library.' });
        return;
      }
      Promise.resolve(action.undo()).then(
        () => toast({ kind: 'success', message: `Undone: ${action.label}` }),
        (error: unknown) =>
          toast({
            kind: 'error',
            message: `Could not undo ${action.label}: ${errorMessage(error)}`,
          }),
      );
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toast]);
}
