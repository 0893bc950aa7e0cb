import { describe, expect, it } from 'vitest';
import { plural, truncate } from '../../src/shared/text';

describe('truncate', () => {
  it('keeps short text whole and cuts long text with an ellipsis', () => {
    expect(truncate('Tehran', 6)).toBe('Tehran');
    expect(truncate('Tehran notes', 6)).toBe('Tehran…');
    expect(truncate('Tehran notes', 7)).toBe('Tehran…'); // no space before the ellipsis
  });

  it('counts a ZWJ emoji sequence, a flag and a skin tone as one character each', () => {
    const family = '👩‍👩‍👧‍👦';
    const flag = '🇮🇷';
    const wave = '👋🏽';
    expect(truncate(`${family}${flag}${wave}`, 3)).toBe(`${family}${flag}${wave}`);
    expect(truncate(`${family}${flag}${wave}`, 2)).toBe(`${family}${flag}…`);
    expect(truncate(`${family}${flag}${wave}`, 1)).toBe(`${family}…`);
    expect(truncate(`${flag}${flag}${flag}`, 1)).toBe(`${flag}…`);
  });

  it('never separates a letter from its combining accents or Arabic harakat', () => {
    const decomposed = 'Cafe\u0301 e\u0301te\u0301';
    expect(truncate(decomposed, 4)).toBe('Cafe\u0301…');
    const bismillah = 'بِسْمِ اللَّهِ الرَّحْمَٰنِ';
    // بِ سْ مِ: three letters, each with its haraka.
    expect(truncate(bismillah, 3)).toBe('بِسْمِ…');
  });

  it('never leaves half a surrogate pair', () => {
    expect(truncate('𝔸'.repeat(10), 5)).toBe(`${'𝔸'.repeat(5)}…`);
  });

  it('can cut at a word break when that keeps more than half', () => {
    expect(truncate('Notes on the river crossing', 20, { atWordBreak: true })).toBe(
      'Notes on the river…',
    );
    // The only space is too early: cutting there would lose most of the text.
    expect(truncate('On extraordinarily-long-hyphenated-words', 20, { atWordBreak: true })).toBe(
      'On extraordinarily-l…',
    );
    // The zero-width non-joiners belong to the letter before them.
    expect(truncate('یادداشت‌هایی درباره‌ی تهران و اصفهان', 30, { atWordBreak: true })).toBe(
      'یادداشت‌هایی درباره‌ی تهران و…',
    );
  });
});

describe('plural', () => {
  it('spells out a count with the right form of the word', () => {
    expect(plural(0, 'passage')).toBe('0 passages');
    expect(plural(1, 'passage')).toBe('1 passage');
    expect(plural(3, 'note')).toBe('3 notes');
    expect(plural(2, 'child', 'children')).toBe('2 children');
    expect(plural(1, 'child', 'children')).toBe('1 child');
  });
});
