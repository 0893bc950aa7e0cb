import { useCallback, type FocusEvent, type KeyboardEvent } from 'react';
import { visibleReaderArea } from './readerViewport';

/** The first text block with some of it in sight, or the first block when the reader has no scrolling box. */
function firstBlockInSight(container: HTMLElement): HTMLElement | null {
  const scroller = container.closest<HTMLElement>('[data-scroll-container]');
  const top = scroller ? visibleReaderArea(scroller).top : -Infinity;
  for (const block of container.querySelectorAll<HTMLElement>('[data-block-start]')) {
    if (block.getBoundingClientRect().bottom > top) return block;
  }
  return null;
}

function firstTextNode(element: HTMLElement): Text | null {
  return document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode() as Text | null;
}

/** Shift+arrows extend the selection this way; with Ctrl, word by word. Left and right are as seen (right to left text too). */
const extensions: Record<string, [direction: string, granularity: string]> = {
  ArrowRight: ['right', 'character'],
  ArrowLeft: ['left', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
};

export interface KeyboardSelection {
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * Selecting the reader's text without a mouse. The text can be focused; coming
 * to it with nothing selected in it puts a caret at the start of the first
 * block in sight, and Shift+arrows extend the selection from there
 * (Chromium extends a selection of words by itself, not a caret in text that
 * cannot be edited).
 */
export function useKeyboardSelection(): KeyboardSelection {
  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const container = event.currentTarget;
    // A click that focuses the text places its own caret right after this one.
    if (event.target !== container) return;
    const selection = document.getSelection();
    if (!selection) return;
    if (selection.rangeCount > 0 && container.contains(selection.anchorNode)) return;
    const block = firstBlockInSight(container);
    const text = block && firstTextNode(block);
    if (text) selection.collapse(text, 0);
  }, []);

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => {
    const extension = extensions[event.key];
    if (!extension || !event.shiftKey || event.altKey || event.metaKey) return;
    const selection = document.getSelection();
    if (!selection?.isCollapsed || !event.currentTarget.contains(selection.anchorNode)) return;
    event.preventDefault();
    const [direction, granularity] = extension;
    selection.modify(
      'extend',
      direction,
      event.ctrlKey && granularity === 'character' ? 'word' : granularity,
    );
  }, []);

  return { onFocus, onKeyDown };
}
