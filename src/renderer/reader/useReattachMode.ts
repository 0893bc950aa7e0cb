import { useEffect, type RefObject } from 'react';
import type { PassageView } from '../../shared/api';
import type { Block } from '../../shared/documentModel';
import { isTypingTarget } from '../ui/dom';
import { showSuggestion } from './highlights';
import { rangeForSpan } from './textRanges';

/**
 * While an orphan is being re-attached: its suggested place (if the matcher had
 * one) is outlined in the text, and Escape stops re-attaching.
 */
export function useReattachMode(
  containerRef: RefObject<HTMLElement | null>,
  blocks: readonly Block[],
  reattaching: PassageView | null,
  onCancel: () => void,
): void {
  const suggestion = reattaching?.suggestion;
  const suggestionStart = suggestion?.start;
  const suggestionEnd = suggestion?.end;

  useEffect(() => {
    const container = containerRef.current;
    if (!container || suggestionStart === undefined || suggestionEnd === undefined) return;
    showSuggestion(rangeForSpan(container, blocks, { start: suggestionStart, end: suggestionEnd }));
    return () => showSuggestion(null);
  }, [containerRef, blocks, suggestionStart, suggestionEnd]);

  const active = reattaching !== null;
  useEffect(() => {
    if (!active) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || isTypingTarget(event.target)) return;
      // Escape in a dialog or a menu closes that, not the re-attaching.
      if (event.target instanceof Element && event.target.closest('dialog, .popover')) return;
      onCancel();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active, onCancel]);
}
