/**
 * makeSnippet skips paragraphs that cannot hold the query with a cheap test on
 * their folded text; these cases would break if that test ever said no wrongly.
 */
import { describe, expect, it } from 'vitest';
import { queryTokens } from '../../src/core/search/searchKey';
import { makeSnippet, type Snippet } from '../../src/core/search/snippet';
import { foldString } from '../../src/core/text/fold';

function phrases(...terms: string[]) {
  return terms.map((term) => queryTokens(term.replace(/\*$/, ''), term.endsWith('*')));
}

function highlighted(snippet: Snippet): string[] {
  return snippet.highlights.map(([start, end]) => snippet.snippet.slice(start, end));
}

const asciiParagraphs = Array.from({ length: 20 }, (_, i) => `Line ${i} of the log, nothing here.`);

describe('makeSnippet on long texts', () => {
  it('relies on printable ASCII folding to its lower case', () => {
    for (let code = 0x20; code <= 0x7e; code++) {
      const char = String.fromCharCode(code);
      expect(foldString(char, { collapseWhitespace: true }), `U+${code.toString(16)}`).toBe(
        char.toLowerCase(),
      );
    }
  });

  it('finds a word after many paragraphs without it, in ASCII or folded from accents', () => {
    const text = [...asciiParagraphs, 'Le SYSTÈME de fichiers', 'The HARBOUR froze'].join('\n');
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
