import { useEffect } from 'react';
import { shortcuts } from '../app/shortcuts';
import type { NavigationHistory } from './useNavigationHistory';

/** The mouse's side buttons, as MouseEvent.button numbers them. */
const backButton = 3;
const forwardButton = 4;

/**
 * Alt+Left / Alt+Right and the mouse's back and forward buttons walk the
 * window's history; the browser's own back would leave Dossier, so it is kept out.
 */
export function useHistoryKeys({ goBack, goForward }: NavigationHistory): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (shortcuts.goBack.matches(event)) {
        event.preventDefault();
        goBack();
      } else if (shortcuts.goForward.matches(event)) {
        event.preventDefault();
        goForward();
      }
    }
    function onMouseUp(event: MouseEvent) {
      if (event.button !== backButton && event.button !== forwardButton) return;
      event.preventDefault();
      if (event.button === backButton) goBack();
      else goForward();
    }
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('mouseup', onMouseUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('mouseup', onMouseUp);
    };
  }, [goBack, goForward]);
}
