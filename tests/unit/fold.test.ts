import { describe, expect, it } from 'vitest';
import { foldString, foldText, toOriginalRange } from '../../src/core/text/fold';

const collapse = { collapseWhitespace: true };
const fold = (text: string) => foldString(text, collapse);

/** The original text behind `folded[start, end)`. */
function originalOf(text: string, start: number, end: number): string {
  const [from, to] = toOriginalRange(foldText(text, collapse), start, end);
  return text.slice(from, to);
}

describe('foldText', () => {
  it('ignores case and Latin, Greek and Cyrillic accents', () => {
    expect(fold('Café NAÏVE Ærøskøbing Łódź Straße İstanbul')).toBe(
      'cafe naive aeroskobing lodz strasse istanbul',
    );
    expect(fold('ΣΊΣΥΦΟΣ σίσυφος')).toBe('σισυφοσ σισυφοσ');
    expect(fold('Ёлка')).toBe(fold('елка'));
  });

  it('treats composed and decomposed accents alike', () => {
    expect(fold('cafe\u0301')).toBe(fold('caf\u00e9'));
    expect(fold('Vie\u0323\u0302t')).toBe(fold('Việt'));
  });

  it('applies compatibility forms: ligatures, full-width letters, presentation forms', () => {
    expect(fold('ﬁne ｆｕｌｌ ①')).toBe('fine full 1');
    // Arabic presentation forms, as PDF extraction produces them.
    expect(fold('\ufedb\ufe98\ufe8e\ufe8f')).toBe(fold('كتاب'));
  });

  it('collapses whitespace and drops invisible characters', () => {
    expect(fold('  a\u00a0\t\n b\u00adc\u200bd\ufeffe \u200e\u202bf\u202c  ')).toBe(' a bcde f ');
  });

  it('keeps one space per whitespace character when not collapsing', () => {
    expect(foldString('a \t\nb', { collapseWhitespace: false })).toBe('a   b');
  });

  it('folds typographic quotes and dashes to ASCII', () => {
    expect(fold('“Don’t” — she said – ‘twice’ −1')).toBe(`"don't" - she said - 'twice' -1`);
  });

  it('folds Arabic: harakat, tatweel, alef forms, yeh, teh marbuta, digits', () => {
    expect(fold('كَتَبَ')).toBe('كتب');
    expect(fold('العـــربية')).toBe(fold('العربية'));
    expect(fold('أحمد إسلام آمن ٱلله')).toBe('احمد اسلام امن الله');
    expect(fold('على مدرسة')).toBe(fold('علي مدرسه'));
    expect(fold('٢٠٢٤ ۱۴۰۳')).toBe('2024 1403');
  });

  it('folds Persian onto Arabic letters and joins across ZWNJ', () => {
    expect(fold('می‌شود')).toBe(fold('میشود'));
    expect(fold('ایران کتاب')).toBe(fold('ايران كتاب'));
    expect(fold('خانۀ')).toBe(fold('خانه'));
  });

  it('ignores Hebrew niqqud', () => {
    expect(fold('שָׁלוֹם')).toBe('שלום');
  });

  it('keeps marks that make a different letter', () => {
    // Japanese voicing: が is not か; Korean syllables stay whole.
    expect(fold('が')).toBe('が');
    expect(fold('が')).not.toBe(fold('か'));
    expect(fold('ｶﾞ')).toBe('ガ');
    expect(fold('か\u3099')).toBe('が');
    expect(fold('한국어')).toBe('한국어');
    expect(fold('ข้าว')).not.toBe(fold('ขาว'));
  });

  it('maps folded ranges back to the original text', () => {
    const text = '  Ça  va\u00ad bien, “Zoë”!';
    const folded = fold(text);
    expect(folded).toBe(` ca va bien, "zoe"!`);
    expect(originalOf(text, folded.indexOf('ca'), folded.indexOf('ca') + 2)).toBe('Ça');
    expect(originalOf(text, folded.indexOf('va'), folded.indexOf('va') + 2)).toBe('va');
    expect(originalOf(text, folded.indexOf('"zoe"'), folded.indexOf('"zoe"') + 5)).toBe('“Zoë”');
    // The one space of a whitespace run stands for the whole run.
    expect(originalOf(text, 0, 1)).toBe('  ');
  });

  it('never splits a letter from its combining accent', () => {
    const text = 'noe\u0308l';
    expect(fold(text)).toBe('noel');
    expect(originalOf(text, 2, 3)).toBe('e\u0308');
  });

  it('maps units that one character expands into back to that character', () => {
    const text = 'Maße';
    expect(fold(text)).toBe('masse');
    expect(originalOf(text, 2, 3)).toBe('ß');
    expect(originalOf(text, 2, 4)).toBe('ß');
  });

  it('maps an empty range to a position', () => {
    const text = 'ab  cd';
    const folded = foldText(text, collapse);
    expect(toOriginalRange(folded, 3, 3)).toEqual([4, 4]);
    expect(toOriginalRange(folded, folded.folded.length, folded.folded.length)).toEqual([6, 6]);
  });

  it('keeps astral characters whole', () => {
    const text = 'a 𝒜 😀 b';
    expect(fold(text)).toBe('a a 😀 b');
    const at = fold(text).indexOf('😀');
    expect(originalOf(text, at, at + 2)).toBe('😀');
  });

  it('agrees with itself on long mixed text, in and out of the fast paths', () => {
    const sentence = 'The  Café “Ø” 软件包安装 كَتَبَ می‌شود\tשָׁלוֹם 😀 e\u0301 ';
    const text = sentence.repeat(500);
    const folded = foldText(text, collapse);
    expect(folded.folded).toBe(fold(sentence).repeat(500).replace(/ {2,}/g, ' '));
    expect(folded.folded).toBe(foldString(text, collapse));
    // Every unit maps to a non-empty stretch of the original, in order.
    const misplaced: number[] = [];
    let previousStart = 0;
    for (let i = 0; i < folded.folded.length; i++) {
      const [start, end] = toOriginalRange(folded, i, i + 1);
      if (start < previousStart || end <= start || end > text.length) misplaced.push(i);
      previousStart = start;
    }
    expect(misplaced).toEqual([]);
  });
});
