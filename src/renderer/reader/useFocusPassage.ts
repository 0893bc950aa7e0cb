import { useEffect, useRef, type RefObject } from 'react';
import type { PassageView, SourceDetail } from '../../shared/api';
import type { PassageFocus } from '../app/navigation';
import { flashRange } from './highlights';
import { isInSight, visibleReaderArea } from './readerViewport';
import { rangeForSpan, spanOf } from './textRanges';

/**
 * Centres `range` in its scrolling ancestor unless it is already in sight (a
 * passage clicked in the text stays where it is): the block first, then the
 * passage itself if the block is taller than the view.
 */
function scrollToRange(range: Range): void {
  const block = range.startContainer.parentElement?.closest<HTMLElement>('[data-block-start]');
  const scroller = block?.closest<HTMLElement>('[data-scroll-container]');
  if (scroller && isInSight(range.getBoundingClientRect(), visibleReaderArea(scroller))) return;
  block?.scrollIntoView({ block: 'center' });
  if (!scroller) return;
  const view = scroller.getBoundingClientRect();
  const passage = range.getBoundingClientRect();
  if (passage.top < view.top || passage.bottom > view.bottom) {
    scroller.scrollBy(0, passage.top - view.top - view.height / 3);
  }
}

/**
 * Brings the focused passage into view and flashes it, once per navigation
 * (a later refresh of the same source does not flash it again). An orphan has
 * no place in the text; if it is re-attached while still focused, it is shown then.
 * Returns the focused passage when it belongs to this source.
 */
export function useFocusPassage(
  containerRef: RefObject<HTMLElement | null>,
  source: Pick<SourceDetail, 'blocks' | 'passages'>,
  focus: PassageFocus | null,
): PassageView | undefined {
  const passage = focus
    ? source.passages.find((candidate) => candidate.id === focus.passageId)
    : undefined;
  const handledNavigation = useRef<number | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!focus || !passage || !container || handledNavigation.current === focus.navigation) return;
    const span = spanOf(passage);
    const range = span && rangeForSpan(container, source.blocks, span);
    // An orphan has no place to show (the side panel shows it); it is shown once re-attached.
    if (!range) return;
    handledNavigation.current = focus.navigation;
    scrollToRange(range);
    flashRange(range);
  }, [containerRef, focus, passage, source.blocks]);

  return passage;
}
