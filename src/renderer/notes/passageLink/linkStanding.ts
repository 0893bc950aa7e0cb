/**
 * How a note's link to a passage shows where that passage stands now. The
 * standing lives on the link's DOM element only (a class, a data attribute, a
 * tooltip), never in the note: the note's text and its links are untouched.
 */
import type { AnchorStatus, PassageView } from '../../../shared/api';
import { anchorStatusLabels, matchPercent } from '../../passages/anchorStatus';
import { isolate } from '../../ui/bidi';
import { shorten } from '../../ui/shorten';

/** `missing`: the passage (or its source) no longer exists; `inTrash`: its source is in the trash. */
export type LinkStanding = AnchorStatus | 'missing' | 'inTrash';

export interface LinkAppearance {
  standing: LinkStanding;
  broken: boolean;
  /** The tooltip: why the link looks the way it does (null: none). */
  title: string | null;
}

export function linkAppearance(passage: PassageView | undefined): LinkAppearance {
  if (!passage) {
    return {
      standing: 'missing',
      broken: true,
      title: 'Broken link: this passage no longer exists.',
    };
  }
  if (passage.sourceInTrash) {
    return {
      standing: 'inTrash',
      broken: false,
      title: `The article this passage is in was moved to the trash; open it to restore it. It quoted ${isolate(shorten(passage.exact, 300))}`,
    };
  }
  switch (passage.status) {
    case 'orphaned':
      return {
        standing: 'orphaned',
        broken: true,
        title: `Broken link: ${anchorStatusLabels.orphaned}. It quoted ${isolate(shorten(passage.exact, 300))}`,
      };
    case 'fuzzy':
      return {
        standing: 'fuzzy',
        broken: false,
        title: passage.confirmed
          ? 'The words changed a little in the current version (you confirmed them).'
          : `The words changed a little in the current version (${matchPercent(passage.score)}).`,
      };
    default:
      return { standing: passage.status, broken: false, title: null };
  }
}

export function showLinkAppearance(element: HTMLElement, appearance: LinkAppearance): void {
  element.dataset.passageStatus = appearance.standing;
  element.classList.toggle('is-broken', appearance.broken);
  if (appearance.title) element.title = appearance.title;
  else element.removeAttribute('title');
}

export function clearLinkAppearance(element: HTMLElement): void {
  delete element.dataset.passageStatus;
  element.classList.remove('is-broken');
  element.removeAttribute('title');
}
