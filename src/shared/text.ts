/** Text for people: counts spelled out, and long text cut to fit. */

// Graphemes are what a reader counts as characters: a letter with its accents
// or harakat, a flag, an emoji with its skin tone or ZWJ family members.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** "1 passage", "3 passages"; a word with an irregular plural names it: plural(n, 'child', 'children'). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export interface TruncateOptions {
  /** Cut at the last space instead, when that keeps more than half. */
  atWordBreak?: boolean;
}

/**
 * The start of `text`, at most `max` graphemes, with "…" when cut. The cut never
 * splits a grapheme, so never a surrogate pair or a letter from its marks.
 */
export function truncate(text: string, max: number, options: TruncateOptions = {}): string {
  // No more code units than `max` means no more graphemes either: nothing to cut.
  if (text.length <= max) return text;
  const end = cutIndex(text, max, options.atWordBreak ?? false);
  return end === undefined ? text : `${text.slice(0, end).trimEnd()}…`;
}

/** Where to cut `text` to keep at most `max` graphemes, or undefined when it is short enough. */
function cutIndex(text: string, max: number, atWordBreak: boolean): number | undefined {
  let count = 0;
  let lastSpace = -1;
  // Segments are produced lazily: a long text is read only up to the cut.
  for (const { segment, index } of graphemes.segment(text)) {
    if (count === max) return atWordBreak && lastSpace > index / 2 ? lastSpace : index;
    if (/^\s/.test(segment)) lastSpace = index;
    count += 1;
  }
  return undefined;
}
