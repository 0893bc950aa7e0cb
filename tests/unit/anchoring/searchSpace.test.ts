import { describe, expect, it } from 'vitest';
import { GraphemeSnapper } from '../../../src/core/anchoring/graphemes';
import { foldKey, SearchSpace } from '../../../src/core/anchoring/searchSpace';

describe('search spaces', () => {
  const text = 'The “Quick” brown fox — jumps.\n\nThe quick brown dog sleeps. The ﬁnal word.';

  it('finds a folded quote where its real text is, whatever its typography', () => {
    const space = new SearchSpace(text, [[0, text.length]]);
    const hits = space.exactHits(foldKey('the "quick" brown fox - jumps').trim());
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['The “Quick” brown fox — jumps']);
    const ligature = space.exactHits(foldKey('final word').trim());
    expect(ligature.map((h) => text.slice(h.start, h.end))).toEqual(['ﬁnal word']);
  });

  it('finds approximate hits, best first, each place once', () => {
    const space = new SearchSpace(text, [[0, text.length]]);
    const hits = space.approxHits(foldKey('the quick brown cat').trim(), 5, 3);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual([
      'The quick brown dog',
      'The “Quick” brown fox',
    ]);
    expect(hits[0]!.errors).toBeLessThanOrEqual(hits[1]!.errors);
  });

  it('searches only its stretches, and never across two of them', () => {
    const first = text.indexOf('brown fox');
    const second = text.indexOf('dog sleeps');
    const space = new SearchSpace(text, [
      [first, first + 9],
      [second, second + 10],
    ]);
    expect(space.exactHits('brown fox').length).toBe(1);
    expect(space.exactHits('quick').length).toBe(0);
    expect(space.approxHits('foxdog', 2, 3)).toEqual([]);
  });
});

describe('the gram filter of an indexed space', () => {
  it('finds the same approximate hits as searching everything', () => {
    // A long text of made-up sentences, and quotes from it with a few letters changed.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const syllables = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vel', 'no', 'dri', 'e'];
    const word = () =>
      Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () => syllables[Math.floor(random() * 10)],
      ).join('');
    const text = Array.from({ length: 6000 }, () => word()).join(' ');
    const plain = new SearchSpace(text, [[0, text.length]]);
    const indexed = new SearchSpace(text, [[0, text.length]], true);
    for (let trial = 0; trial < 40; trial++) {
      const start = Math.floor(random() * (text.length - 200));
      const length = 20 + Math.floor(random() * 120);
      let quote = foldKey(text.slice(start, start + length)).trim();
      for (let edit = 0; edit < length / 10; edit++) {
        const at = Math.floor(random() * quote.length);
        quote = quote.slice(0, at) + 'x' + quote.slice(at + 1);
      }
      const errors = Math.floor(quote.length / 4);
      expect(indexed.approxHits(quote, errors, 3)).toEqual(plain.approxHits(quote, errors, 3));
    }
  });
});

describe('grapheme snapping', () => {
  it('widens ranges to whole emoji sequences, flags and letters with their marks', () => {
    const text = 'go 👩‍👩‍👧 now 🇮🇷 e\u0301te';
    const snap = new GraphemeSnapper(text);
    const family = text.indexOf('👩');
    // Inside the ZWJ sequence, both ways.
    expect(snap.snap(family + 2, family + 3)).toEqual([family, family + '👩‍👩‍👧'.length]);
    const flag = text.indexOf('🇮🇷');
    expect(snap.snap(0, flag + 2)).toEqual([0, flag + 4]);
    const accent = text.indexOf('e\u0301');
    expect(snap.snap(accent, accent + 1)).toEqual([accent, accent + 2]);
    expect(snap.snap(0, 2)).toEqual([0, 2]);
  });
});
