import type { Box } from './floatingPlacement';

/**
 * The part of the reader the analyst sees, in window coordinates: its
 * scrolling box below the toolbar that stays at its top.
 */
export function visibleReaderArea(scroller: HTMLElement): Box {
  const view = scroller.getBoundingClientRect();
  const toolbar = scroller.querySelector(':scope > .reader-toolbar');
  const top = toolbar ? Math.max(view.top, toolbar.getBoundingClientRect().bottom) : view.top;
  return { top, bottom: view.bottom, left: view.left, right: view.right };
}

/** Whether all of `box` is in sight. */
export function isInSight(box: Box, area: Box): boolean {
  return box.top >= area.top && box.bottom <= area.bottom;
}
