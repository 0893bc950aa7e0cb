import { useMemo } from 'react';
import type { Navigation } from '../app/navigation';
import type { Pane } from './panes';

/**
 * Navigation that also brings into view the pane showing what was opened: the
 * reader for an article, a version or a passage (it scrolls to the passage and
 * flashes it), the side panel for a note. This is what switches the tabs of a
 * narrow window, and opens a collapsed side panel for a new note.
 */
export function useRevealingNavigation(
  navigation: Navigation,
  reveal: (pane: Pane) => void,
): Navigation {
  const { openSource, openPassage, openSourceVersion, openNote } = navigation;
  const opening = useMemo(
    () => ({
      openSource(sourceId: string) {
        reveal('reader');
        openSource(sourceId);
      },
      openPassage(sourceId: string, passageId: string) {
        reveal('reader');
        openPassage(sourceId, passageId);
      },
      openSourceVersion(sourceId: string, versionNumber: number) {
        reveal('reader');
        openSourceVersion(sourceId, versionNumber);
      },
      openNote(noteId: string | null) {
        if (noteId) reveal('side');
        openNote(noteId);
      },
    }),
    [reveal, openSource, openPassage, openSourceVersion, openNote],
  );
  return { ...navigation, ...opening };
}
