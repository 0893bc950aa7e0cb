/**
 * makeSnippet skips paragraphs that cannot hold the query with a cheap test on
 * their folded text; these cases would break if that test ever said no wrongly.
 */
import { describe, expect, it } from 'vitest';
import { keyTokens, queryTokens } from '../../src/core/search/searchKey';
import { foldsToLowerCase } from '../../src/core/search/searchKey';
import { makeSnippet } from '../../src/core/search/snippet';
import { foldString } from '../../src/core/text/fold';
import type { SearchSnippet } from '../../src/shared/api';
import { chooseSeed, seededRandom } from './support/seededRandom';

function phrases(...terms: string[]) {
  return terms.map((term) => queryTokens(term.replace(/\*$/, ''), term.endsWith('*')));
}

function highlighted(snippet: SearchSnippet): string[] {
  return snippet.highlights.map(([start, end]) => snippet.snippet.slice(start, end));
}

const asciiParagraphs = Array.from({ length: 20 }, (_, i) => `Line ${i} of the log, nothing here.`);

describe('makeSnippet on long texts', () => {
  it('tells the text whose lower case holds the same tokens as its fold, checked for every character', () => {
    const token = /[\p{L}\p{N}\p{Co}]/u;
    let accepted = 0;
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (!foldsToLowerCase.test(char)) continue;
      accepted++;
      const folded = foldString(char, { collapseWhitespace: true });
      // The same, or punctuation for punctuation: never dropped, never a letter or digit.
      const separates = folded !== '' && !token.test(folded) && !token.test(char);
      expect(folded === char.toLowerCase() || separates, `U+${code.toString(16)}`).toBe(true);
    }
    expect(accepted).toBeGreaterThan(95);
    expect(foldsToLowerCase.test('Le système')).toBe(false);
    expect(foldsToLowerCase.test('It’s “quoted” – 2 €')).toBe(false);
    expect(foldsToLowerCase.test('It’s “quoted” – 2 $')).toBe(true);
  });

  it('highlights in text that folds to its lower case exactly the tokens its key has', () => {
    const seed = chooseSeed();
    const random = seededRandom(seed);
    const pieces = [
      'Ab',
      'ab',
      'AB1',
      '9',
      '_',
      ' ',
      '-',
      '’',
      '“',
      '”',
      '—',
      '…',
      '•',
      '\u00a0',
      '.',
      "'",
    ];
    for (let round = 0; round < 200; round++) {
      const length = 3 + Math.floor(random() * 30);
      const paragraph = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)])
        .join('')
        .trim();
      if (!foldsToLowerCase.test(paragraph) || paragraph === '') continue;
      for (const token of keyTokens(paragraph)) {
        const expected = keyTokens(paragraph)
          .filter((other) => other.term === token.term)
          .map((other): [number, number] => [other.start, other.end]);
        const snippet = makeSnippet(paragraph, [[{ term: token.term, prefix: false }]]);
        expect(snippet.snippet, `seed ${seed}`).toBe(paragraph);
        expect(snippet.highlights, `seed ${seed}: ${JSON.stringify(paragraph)}`).toEqual(expected);
      }
    }
  });

  it('finds a word after many paragraphs without it, in ASCII or folded from accents', () => {
    const text = [...asciiParagraphs, 'Le SYSTÈME de fichiers', 'The “HARBOUR” froze'].join('\n');
    expect(highlighted(makeSnippet(text, phrases('systeme')))).toEqual(['SYSTÈME']);
    expect(highlighted(makeSnippet(text, phrases('harb*')))).toEqual(['HARBOUR']);
  });

  it('finds Thai words whose characters are apart in the text, split by vowel and tone marks', () => {
    // The key pairs ท and น of ที่นี่, which never stand side by side in the folded text.
    const [pair] = phrases('ที่นี่')[0] ?? [];
    expect(foldString('ที่นี่', { collapseWhitespace: true })).not.toContain(pair?.term);
    const text = [...asciiParagraphs, 'อยู่ที่นี่แล้ว'].join('\n');
    expect(highlighted(makeSnippet(text, phrases('ที่นี่')))).toEqual(['ที่นี่']);
  });

  it('still prefers a later paragraph holding more of the query', () => {
    const text = ['the harbour', ...asciiParagraphs, 'the harbour froze'].join('\n');
    expect(makeSnippet(text, phrases('harbour', 'froze')).snippet).toBe('the harbour froze');
  });

  it('shows the start of the text when no paragraph holds the query', () => {
    const text = asciiParagraphs.join('\n');
    expect(makeSnippet(text, phrases('harbour'))).toEqual({
      snippet: 'Line 0 of the log, nothing here.',
      highlights: [],
    });
  });
});
