/**
 * How a passage's standing on the current version reads for the analyst: one
 * wording for the side panel, the revision report and a note's links.
 */
import type { AnchorStatus } from '../../shared/api';

export const anchorStatusLabels: Record<AnchorStatus, string> = {
  exact: 'unchanged',
  moved: 'moved',
  fuzzy: 'approximate',
  orphaned: 'not found in the current version',
};

/** The same, as the heading of a count: "Approximate: 2". */
export const anchorStatusHeadings: Record<AnchorStatus, string> = {
  exact: 'Unchanged',
  moved: 'Moved',
  fuzzy: 'Approximate',
  orphaned: 'Not found',
};

/** The matcher's confidence as people read it: "82% match". */
export function matchPercent(score: number): string {
  return `${Math.round(score * 100)}% match`;
}
