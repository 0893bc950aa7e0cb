/**
 * What makes a passage, shared by the core (which refuses the rest) and the
 * reader (which says why before asking).
 */

/** The colours a passage can be highlighted in; the analyst names them (highlight_colors). */
export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof highlightColors)[number];
export const defaultHighlightColor: HighlightColor = 'yellow';

/** Letters and digits a passage needs at least: a stray click or one letter is not a passage. */
export const MIN_PASSAGE_LETTERS = 3;
/** In Chinese, Japanese and Korean two characters already make a word. */
export const MIN_IDEOGRAPHIC_PASSAGE_LETTERS = 2;

const letterOrDigit = /[\p{L}\p{N}]/gu;
const ideographic = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Why `text` is too short to be a passage, or null when it is long enough. */
export function passageTooShort(text: string): string | null {
  const letters = text.match(letterOrDigit)?.length ?? 0;
  const needed = ideographic.test(text) ? MIN_IDEOGRAPHIC_PASSAGE_LETTERS : MIN_PASSAGE_LETTERS;
  if (letters >= needed) return null;
  const shown = text.trim() === '' ? 'Only spaces' : `“${text.trim()}”`;
  return (
    `${shown} is too short to be a passage: select at least ${MIN_PASSAGE_LETTERS} letters or digits ` +
    `(${MIN_IDEOGRAPHIC_PASSAGE_LETTERS} in Chinese, Japanese or Korean).`
  );
}
