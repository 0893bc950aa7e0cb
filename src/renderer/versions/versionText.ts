/** How versions are described to the analyst: when, how they came in, how big. */
import type { VersionSummary } from '../../shared/api';
import { isolate } from '../ui/bidi';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat();

export function versionDate(version: VersionSummary): string {
  return dateFormat.format(new Date(version.createdAt));
}

/** "from file “x.txt”" or "pasted". */
export function versionOrigin(version: VersionSummary): string {
  if (version.origin === 'paste') return 'pasted';
  return version.fileName ? `from file ${isolate(version.fileName)}` : 'from a file';
}

export function characterCount(count: number): string {
  return `${numberFormat.format(count)} ${count === 1 ? 'character' : 'characters'}`;
}

/** How much longer or shorter than the version before: "+120", "−45", "same length". */
export function lengthChange(
  version: VersionSummary,
  previous: VersionSummary | undefined,
): string {
  if (!previous) return 'first version';
  const change = version.charCount - previous.charCount;
  if (change === 0) return 'same length';
  return `${change > 0 ? '+' : '−'}${numberFormat.format(Math.abs(change))}`;
}
