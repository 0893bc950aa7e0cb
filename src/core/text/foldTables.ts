/**
 * Character tables for text folding. Each applies to text already decomposed with
 * NFKD (so `ﬁ`, full-width letters and Arabic presentation forms are gone, and
 * accents are separate combining marks).
 */

/** Typographic quotes and dashes as their ASCII look-alikes, so `don’t` matches `don't`. */
export const punctuationFolds: ReadonlyMap<string, string> = new Map([
  ...[...'\u2018\u2019\u201a\u201b\u2032\u02bc'].map((c): [string, string] => [c, "'"]),
  ...[...'\u201c\u201d\u201e\u201f'].map((c): [string, string] => [c, '"']),
  ...[...'\u2010\u2012\u2013\u2014\u2015\u2043\u2212'].map((c): [string, string] => [c, '-']),
]);

/**
 * Blocks whose combining marks folding ignores: Latin, Greek and Cyrillic accents,
 * Hebrew niqqud and cantillation, Arabic harakat, hamza above/below, superscript
 * alef and Quranic marks. Marks that change a letter elsewhere (Indic vowel signs,
 * Thai tone marks, the Japanese voicing mark) are not in these blocks.
 */
const ignoredMarkBlocks: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], // combining diacritical marks
  [0x1ab0, 0x1aff], // … extended
  [0x1dc0, 0x1dff], // … supplement
  [0x20d0, 0x20ff], // … for symbols
  [0xfe20, 0xfe2f], // combining half marks
  [0x0591, 0x05c7], // Hebrew points and accents
  [0x0610, 0x061a], // Arabic honorifics
  [0x064b, 0x065f], // Arabic harakat, hamza above and below
  [0x0670, 0x0670], // Arabic superscript alef
  [0x06d6, 0x06ed], // Quranic annotation marks
  [0x08d3, 0x08ff], // Arabic extended-A marks
];

/** Whether a combining mark is one folding ignores (the blocks also hold punctuation: test for a mark first). */
export function isIgnoredMark(codePoint: number): boolean {
  return ignoredMarkBlocks.some(([first, last]) => codePoint >= first && codePoint <= last);
}

const arabicIndicDigits = '٠١٢٣٤٥٦٧٨٩';
const persianDigits = '۰۱۲۳۴۵۶۷۸۹';

/**
 * Letters folded into one, applied after lower-casing. The Arabic and
 * Persian choices follow Lucene's Arabic and Persian normalisers:
 * - alef wasla and wavy-hamza alefs become bare alef (alef with hamza or madda is
 *   already bare once NFKD has split off the mark and the mark is ignored);
 * - alef maksura, Persian yeh and yeh barree become Arabic yeh (ي), keheh becomes
 *   Arabic kaf (ك), so Persian and Arabic spellings meet;
 * - teh marbuta (ة) becomes heh (ه): writers use either at the end of a word. Heh
 *   goal and the Persian heh of ezafe (ۀ, which NFKD turns into ە + hamza) too,
 *   which also folds the Kurdish letter ە into ه;
 * - tatweel (ـ), a stretching stroke, disappears;
 * - Arabic-Indic and Persian digits become ASCII digits.
 * Latin letters without a decomposition are spelled as ASCII (ł, ø, đ, æ, ß …), and
 * Greek final sigma is sigma.
 */
export const letterFolds: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['þ', 'th'],
  ['ð', 'd'],
  ['đ', 'd'],
  ['ħ', 'h'],
  ['ı', 'i'],
  ['ł', 'l'],
  ['ø', 'o'],
  ['ŧ', 't'],
  ['ς', 'σ'],
  ['ٱ', 'ا'],
  ['ٲ', 'ا'],
  ['ٳ', 'ا'],
  ['ى', 'ي'],
  ['ی', 'ي'],
  ['ے', 'ي'],
  ['ک', 'ك'],
  ['ة', 'ه'],
  ['ہ', 'ه'],
  ['ە', 'ه'],
  ['ـ', ''],
  ...[...arabicIndicDigits].map((d, i): [string, string] => [d, String(i)]),
  ...[...persianDigits].map((d, i): [string, string] => [d, String(i)]),
]);
