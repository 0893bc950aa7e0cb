import { describe, expect, it } from 'vitest';
import { queryTokens } from '../../src/core/search/searchKey';
import { makeSnippet, snippetLength } from '../../src/core/search/snippet';
import type { SearchSnippet } from '../../src/shared/api';

/** The phrases of a query written as words (`*` at the end of one makes it a prefix). */
function phrases(...terms: string[]) {
  return terms.map((term) => queryTokens(term.replace(/\*$/, ''), term.endsWith('*')));
}

function highlighted(snippet: SearchSnippet): string[] {
  return snippet.highlights.map(([start, end]) => snippet.snippet.slice(start, end));
}

const filler = (words: number, seed: string) =>
  Array.from({ length: words }, (_, i) => `${seed}${i}`).join(' ');

describe('makeSnippet', () => {
  it('shows a short paragraph whole, highlighting the original words', () => {
    const snippet = makeSnippet('Le CAFÉ de la Gare\n\nautre chose', phrases('cafe', 'gare'));
    expect(snippet).toEqual({
      snippet: 'Le CAFÉ de la Gare',
      highlights: [
        [3, 7],
        [14, 18],
      ],
    });
  });

  it('cuts a long paragraph at spaces around the match, marking the cuts', () => {
    const text = `${filler(60, 'before')} the harbour froze overnight ${filler(60, 'after')}`;
    const snippet = makeSnippet(text, phrases('harbour froze'));
    expect(snippet.snippet.startsWith('…')).toBe(true);
    expect(snippet.snippet.endsWith('…')).toBe(true);
    expect(snippet.snippet.length).toBeLessThanOrEqual(snippetLength + 2);
    expect(highlighted(snippet)).toEqual(['harbour froze']);
    // Whole words at both cuts.
    const words = snippet.snippet.slice(1, -1).split(' ');
    for (const shown of words) expect(text.split(' ')).toContain(shown);
    // Some context is kept before the match.
    expect(snippet.snippet.indexOf('harbour')).toBeGreaterThan(20);
  });

  it('picks the paragraph with the most of the query', () => {
    const text = 'Only iran here.\nNothing at all.\nIran and hamas together.\nHamas alone.';
    const snippet = makeSnippet(text, phrases('iran', 'hamas'));
    expect(snippet).toEqual({
      snippet: 'Iran and hamas together.',
      highlights: [
        [0, 4],
        [9, 14],
      ],
    });
  });

  it('picks the window with the most of the query inside a long paragraph', () => {
    const text = `iran ${filler(80, 'x')} iran tehran ${filler(80, 'y')}`;
    const snippet = makeSnippet(text, phrases('iran', 'tehran'));
    expect(highlighted(snippet)).toEqual(['iran', 'tehran']);
  });

  it('highlights whole words for a prefix', () => {
    const snippet = makeSnippet('Haniyeh met Khamenei', phrases('hani*'));
    expect(highlighted(snippet)).toEqual(['Haniyeh']);
  });

  it('highlights a Chinese word inside a run of characters, and merges overlaps', () => {
    const snippet = makeSnippet('软件包安装很简单，安装安装。', phrases('安装'));
    expect(snippet.snippet).toBe('软件包安装很简单，安装安装。');
    expect(highlighted(snippet)).toEqual(['安装', '安装安装']);
  });

  it('highlights Arabic and Persian spelled differently from the query', () => {
    const snippet = makeSnippet(
      'قال إنَّ الكِتابَ می‌شود جديدة',
      phrases('الكتاب', 'ميشود', 'جديده'),
    );
    expect(highlighted(snippet)).toEqual(['الكِتابَ', 'می‌شود', 'جديدة']);
  });

  it('shows a phrase longer than a snippet', () => {
    const long = filler(60, 'w');
    const snippet = makeSnippet(`start ${long} end`, phrases(long));
    expect(highlighted(snippet)).toEqual([long]);
  });

  it('shows the start of the text when nothing matches', () => {
    const text = `\n\n  ${filler(100, 'word')}\nsecond paragraph`;
    const snippet = makeSnippet(text, phrases('absent'));
    expect(snippet.highlights).toEqual([]);
    expect(snippet.snippet.startsWith('word0 word1')).toBe(true);
    expect(snippet.snippet.endsWith('…')).toBe(true);
    expect(makeSnippet(text, [])).toEqual(snippet);
    expect(makeSnippet('', phrases('x'))).toEqual({ snippet: '', highlights: [] });
  });
});
