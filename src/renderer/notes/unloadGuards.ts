import { isElectron, registerBeforeClose } from '../api/client';
import { flushAllNotes, flushAllNotesForUnload } from './noteSaver';

/**
 * Saves unsaved notes whenever the window may go away. Electron: main waits for
 * the flush before closing. Browser: the page may be discarded once hidden, so
 * saves are sent with keepalive requests; only when one of them may not arrive
 * (the last save failed, or the note is too large) does leaving ask first.
 */
export function installUnloadGuards(): void {
  if (isElectron) {
    registerBeforeClose(flushAllNotes);
    return;
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushAllNotesForUnload();
  });
  window.addEventListener('pagehide', () => {
    flushAllNotesForUnload();
  });
  window.addEventListener('beforeunload', (event) => {
    if (!flushAllNotesForUnload()) event.preventDefault();
  });
}
