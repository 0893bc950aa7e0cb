import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../src/core/extract/plainText/parsePlainText';
import { hasSampleArticle, sampleArticleFile } from '../support/sharedData';

const caption =
  "Iran's Foreign Minister Hossein Amir Abdollahian meets with Palestinian group Hamas' top leader, Ismail Haniyeh in Tehran, Iran, March 26, 2024";

function blockTexts(parsed: ReturnType<typeof parsePlainText>): string[] {
  return parsed.blocks.map((block) => parsed.text.slice(block.start, block.end));
}

describe('parsePlainText', () => {
  it('takes the first non-empty line as the title block and splits paragraphs on blank lines', () => {
    const parsed = parsePlainText('\n\n  My title  \n\nFirst line\nsecond line\n \t \nLast');
    expect(parsed.title).toBe('My title');
    expect(parsed.text).toBe('My title\n\nFirst line\nsecond line\n\nLast');
    expect(parsed.blocks.map((block) => block.kind)).toEqual(['title', 'paragraph', 'paragraph']);
    expect(blockTexts(parsed)).toEqual(['My title', 'First line\nsecond line', 'Last']);
  });

  it('makes the title a block of its own when a paragraph follows without a blank line', () => {
    const parsed = parsePlainText('Title\nBody starts here');
    expect(parsed.text).toBe('Title\n\nBody starts here');
    expect(blockTexts(parsed)).toEqual(['Title', 'Body starts here']);
  });

  it('normalises line ends, trailing whitespace and Unicode to NFC', () => {
    const parsed = parsePlainText('Cafe\u0301 \r\nline one   \rline two\t\r\n\r\nend');
    expect(parsed.text).toBe('Café\n\nline one\nline two\n\nend');
    expect(parsed.title).toBe('Café');
  });

  it('keeps a line or paragraph repeated right after itself once', () => {
    const parsed = parsePlainText('T\n\ncaption\ncaption\n\nbody\n\nbody\n\ncaption');
    expect(blockTexts(parsed)).toEqual(['T', 'caption', 'body', 'caption']);
  });

  it('measures offsets in UTF-16 code units', () => {
    const parsed = parsePlainText('🎉 party\n\nکتاب‌ها 软件');
    expect(parsed.blocks).toEqual([
      { kind: 'title', start: 0, end: 8 },
      { kind: 'paragraph', start: 10, end: 20 },
    ]);
    expect(blockTexts(parsed)).toEqual(['🎉 party', 'کتاب‌ها 软件']);
  });

  it('returns no blocks for blank input', () => {
    expect(parsePlainText(' \n\n\t')).toEqual({ title: '', text: '', blocks: [] });
  });

  it.skipIf(!hasSampleArticle)(
    'parses the sample article (skipped: ../shared/samples absent)',
    () => {
      const parsed = parsePlainText(fs.readFileSync(sampleArticleFile, 'utf8'));
      expect(parsed.title).toBe('Hamas Leader Thanks Iran For Support During Tehran Visit');
      expect(parsed.blocks[0]).toEqual({ kind: 'title', start: 0, end: parsed.title.length });
      expect(parsed.text.split(caption)).toHaveLength(2); // the doubled caption appears once
      for (const text of blockTexts(parsed)) {
        expect(text).not.toMatch(/^\s|\s$|\n\n/);
      }
      expect(parsed.text).toBe(blockTexts(parsed).join('\n\n'));
    },
  );
});
