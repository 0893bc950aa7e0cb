/**
 * Text made comparable for the library's filter box: case and accents ignored (Latin,
 * Greek, Cyrillic accents, Arabic harakat, Hebrew points), invisible characters such as
 * the Persian zero-width non-joiner and the tatweel dropped, and the Arabic and Persian
 * spellings of yeh and kaf made one, so "cafe" finds "Café" and "كتاب" finds "کتاب".
 * The core folds search text more thoroughly; the renderer cannot import it, and a filter
 * over titles and sites needs only this much.
 */

// Non-spacing marks, format characters (ZWNJ, bidi controls) and the tatweel.
const ignored = /[\p{Mn}\p{Cf}\u0640]/gu;
const sameLetters = /[يىكة]/g;
const letterFolds: Record<string, string> = { ي: 'ی', ى: 'ی', ك: 'ک', ة: 'ه' };

export function localeFold(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(ignored, '')
      .replace(sameLetters, (letter) => letterFolds[letter] ?? letter)
      // Korean syllables come back together, so a typed syllable matches.
      .normalize('NFC')
  );
}
