import { describe, expect, it } from 'vitest';
import type { DiffSegment } from '../../src/shared/api';
import { diffTexts } from '../../src/core/versions/diffVersions';

/** The two texts a diff's segments rebuild. */
function sides(segments: readonly DiffSegment[]): { before: string; after: string } {
  const join = (kind: DiffSegment['kind']) =>
    segments
      .filter((segment) => segment.kind === 'same' || segment.kind === kind)
      .map((segment) => segment.text)
      .join('');
  return { before: join('removed'), after: join('added') };
}

function changes(segments: readonly DiffSegment[]): string[] {
  return segments
    .filter((segment) => segment.kind !== 'same')
    .map((segment) => `${segment.kind === 'added' ? '+' : '-'}${segment.text}`);
}

describe('diffTexts', () => {
  it('finds a changed word and rebuilds both texts exactly', () => {
    const before = 'The ferry left at dawn.\n\nIt carried forty passengers.';
    const after = 'The ferry left at dusk.\n\nIt carried forty passengers.';
    const segments = diffTexts(before, after);
    expect(segments).toEqual([
      { kind: 'same', text: 'The ferry left at ' },
      { kind: 'removed', text: 'dawn' },
      { kind: 'added', text: 'dusk' },
      { kind: 'same', text: '.\n\nIt carried forty passengers.' },
    ]);
    expect(sides(segments)).toEqual({ before, after });
  });

  it('shows an inserted paragraph and a deleted sentence', () => {
    const before = 'Title\n\nFirst. Second sentence here. Third.\n\nLast paragraph.';
    const after = 'Title\n\nA new paragraph.\n\nFirst. Third.\n\nLast paragraph.';
    const segments = diffTexts(before, after);
    expect(sides(segments)).toEqual({ before, after });
    expect(changes(segments)).toEqual(['+A new paragraph.\n\n', '-Second sentence here. ']);
  });

  it('keeps a replaced phrase together instead of interleaving words and spaces', () => {
    const segments = diffTexts('He said the old plan failed.', 'He said a new plan failed.');
    expect(changes(segments)).toEqual(['-the old', '+a new']);
  });

  it('diffs Chinese by words, not by whole sentences', () => {
    const before = '我们今天去北京参观博物馆。';
    const after = '我们明天去北京参观博物馆。';
    const segments = diffTexts(before, after);
    expect(sides(segments)).toEqual({ before, after });
    expect(changes(segments)).toEqual(['-今天', '+明天']);
  });

  it('diffs right-to-left text in logical order, without reordering', () => {
    const before = 'گزارش\n\nوزیر امور خارجه امروز به تهران رفت.';
    const after = 'گزارش\n\nوزیر امور خارجه دیروز به تهران رفت.';
    const segments = diffTexts(before, after);
    expect(sides(segments)).toEqual({ before, after });
    expect(changes(segments)).toEqual(['-امروز', '+دیروز']);
    const hebrew = diffTexts('השר נסע היום לירושלים.', 'השר נסע אתמול לירושלים.');
    expect(changes(hebrew)).toEqual(['-היום', '+אתמול']);
  });

  it('never splits an emoji or a letter from its accent', () => {
    const before = 'Flags 🇮🇷 and cafe\u0301 today';
    const after = 'Flags 🇫🇷 and cafe today';
    const segments = diffTexts(before, after);
    expect(sides(segments)).toEqual({ before, after });
    for (const segment of segments) {
      expect(segment.text.normalize('NFC')).toBe(segment.text.normalize('NFC'));
      expect(/^[\u0300-\u036f]/.test(segment.text)).toBe(false);
      expect(/^[\uDC00-\uDFFF]/.test(segment.text)).toBe(false);
    }
  });

  it('handles identical, empty and completely different texts', () => {
    expect(diffTexts('Same text.', 'Same text.')).toEqual([{ kind: 'same', text: 'Same text.' }]);
    expect(diffTexts('', '')).toEqual([]);
    expect(diffTexts('', 'New.')).toEqual([{ kind: 'added', text: 'New.' }]);
    const unrelated = diffTexts('alpha beta', 'gamma delta');
    expect(sides(unrelated)).toEqual({ before: 'alpha beta', after: 'gamma delta' });
  });

  it('diffs a long article with a few edits quickly', () => {
    const paragraph = (n: number) =>
      `Paragraph ${n} tells of the harbour, the ferries and the weather over the bay.`;
    const before = Array.from({ length: 12_000 }, (_, n) => paragraph(n)).join('\n\n');
    const after = before
      .replace('Paragraph 10 tells', 'Paragraph 10 reports')
      .replace(paragraph(6000), `${paragraph(6000)}\n\nAn inserted paragraph.`)
      .replace(`\n\n${paragraph(11_000)}`, '');
    expect(before.length).toBeGreaterThan(900_000);
    const started = performance.now();
    const segments = diffTexts(before, after);
    const elapsed = performance.now() - started;
    expect(sides(segments)).toEqual({ before, after });
    // Whole paragraphs, each starting a line and ending with its break.
    expect(changes(segments)).toEqual([
      '-tells',
      '+reports',
      '+An inserted paragraph.\n\n',
      `-${paragraph(11_000)}\n\n`,
    ]);
    expect(elapsed).toBeLessThan(5000);
  });
});
