import { DossierError } from '../../shared/errors';
import { passageTooShort } from '../../shared/passages';
import { plural, truncate } from '../../shared/text';
import { foldString, foldText, toOriginalRange } from '../text/fold';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Checks a selection against the text and tidies it: widened to whole grapheme
 * clusters (never half an emoji or a letter without its accent) and stripped of
 * surrounding whitespace. Offsets are UTF-16 code units.
 */
export function tidyRange(text: string, start: number, end: number): [number, number] {
  if (start < 0 || start >= end || end > text.length) {
    throw new DossierError(
      'invalid_argument',
      `The range ${start}–${end} is not inside the text (0–${text.length}) or is empty.`,
    );
  }
  let from = clusterAt(text, start).start;
  let to = end;
  const last = end < text.length ? clusterAt(text, end) : undefined;
  if (last && last.start < end) to = last.end;

  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  if (from === to) {
    throw new DossierError('invalid_argument', 'The selected text is only whitespace.');
  }
  return [from, to];
}

/** A range tidied (`tidyRange`) and long enough to be a passage (src/shared/passages.ts). */
export function passageRange(text: string, start: number, end: number): [number, number] {
  const [from, to] = tidyRange(text, start, end);
  const tooShort = passageTooShort(text.slice(from, to));
  if (tooShort !== null) throw new DossierError('invalid_argument', tooShort);
  return [from, to];
}

/** How far around an offset to look for the line it is on. */
const MAX_LINE_WINDOW = 4096;

/**
 * The grapheme cluster holding `text[index]`. Only the line around it is
 * segmented (no cluster spans a line break), never the whole text: V8 segments
 * a long string in quadratic time, which made each selection in a long article
 * cost tens of milliseconds.
 */
function clusterAt(text: string, index: number): { start: number; end: number } {
  const lineStart = index === 0 ? 0 : text.lastIndexOf('\n', index - 1) + 1;
  const lineEnd = text.indexOf('\n', index);
  const from = Math.max(lineStart, index - MAX_LINE_WINDOW);
  const to = Math.min(lineEnd === -1 ? text.length : lineEnd, index + MAX_LINE_WINDOW);
  const cluster = graphemes
    .segment(text.slice(from, Math.max(to, index + 1)))
    .containing(index - from);
  if (!cluster) return { start: index, end: index + 1 };
  return { start: from + cluster.index, end: from + cluster.index + cluster.segment.length };
}

/**
 * Finds a quote in the text, ignoring differences of case, accents, quote
 * marks, dashes and whitespace (the folded key of src/core/text/fold.ts).
 * `occurrence` (1-based) picks one when the quote occurs more than once.
 */
export function findQuote(text: string, quote: string, occurrence?: number): [number, number] {
  const options = { collapseWhitespace: true };
  const needle = foldString(quote, options).trim();
  if (needle === '') {
    throw new DossierError('invalid_argument', 'The quote has no visible text.');
  }
  const haystack = foldText(text, options);
  const hits: number[] = [];
  for (let at = haystack.folded.indexOf(needle); at !== -1; ) {
    hits.push(at);
    at = haystack.folded.indexOf(needle, at + needle.length);
  }

  if (hits.length === 0) {
    throw new DossierError(
      'not_found',
      `The quote was not found in the text: "${truncate(quote, 80)}"`,
    );
  }
  if (occurrence === undefined && hits.length > 1) {
    throw new DossierError(
      'invalid_argument',
      `The quote occurs ${hits.length} times; pass occurrence 1..${hits.length}.`,
    );
  }
  const hit = hits[(occurrence ?? 1) - 1];
  if (hit === undefined) {
    throw new DossierError(
      'invalid_argument',
      `occurrence ${occurrence} is out of range: the quote occurs ${plural(hits.length, 'time')}.`,
    );
  }
  return toOriginalRange(haystack, hit, hit + needle.length);
}
