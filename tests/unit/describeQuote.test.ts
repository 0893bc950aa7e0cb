import { describe, expect, it } from 'vitest';
import { describeQuote } from '../../src/core/passages/describeQuote';

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe('describeQuote', () => {
  it('takes 32 characters of context on each side when that is unique', () => {
    const text = `${'a'.repeat(40)}QUOTE${'b'.repeat(40)}`;
    expect(describeQuote(text, 40, 45)).toEqual({
      exact: 'QUOTE',
      prefix: 'a'.repeat(32),
      suffix: 'b'.repeat(32),
    });
  });

  it('stops at the ends of the text', () => {
    expect(describeQuote('short QUOTE here', 6, 11)).toEqual({
      exact: 'QUOTE',
      prefix: 'short ',
      suffix: ' here',
    });
  });

  it('grows the context until a repeated phrase is tied to one occurrence', () => {
    const paragraph = `After a long and heated debate, the committee said the vote was delayed. ${'filler words '.repeat(4)}`;
    const text = `Intro one. ${paragraph}\n\nIntro two. ${paragraph}`;
    const second = text.lastIndexOf('the vote was delayed');
    const quote = describeQuote(text, second, second + 'the vote was delayed'.length);
    expect(quote.prefix.length).toBeGreaterThan(32);
    expect(occurrences(text, quote.prefix + quote.exact + quote.suffix)).toBe(1);
    expect(text.indexOf(quote.prefix + quote.exact)).toBe(second - quote.prefix.length);
  });

  it('never cuts a surrogate pair in the context', () => {
    const emoji = '🎉'.repeat(20);
    const text = `${emoji}xQUOTEx${emoji}`;
    const start = text.indexOf('QUOTE');
    // 32 code units back and forth would land inside an emoji: the context takes it whole.
    expect(describeQuote(text, start, start + 5)).toEqual({
      exact: 'QUOTE',
      prefix: `${'🎉'.repeat(16)}x`,
      suffix: `x${'🎉'.repeat(16)}`,
    });
  });
});
