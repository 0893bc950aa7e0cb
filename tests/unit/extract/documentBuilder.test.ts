import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../../../src/core/extract/documentBuilder';

describe('DocumentBuilder', () => {
  it('joins blocks by a blank line and keeps each mark on its words across runs', () => {
    const builder = new DocumentBuilder();
    builder.addBlock({ kind: 'title' }, [{ text: '  Harbour   news ' }]);
    builder.addBlock({ kind: 'paragraph' }, [
      { text: 'The quay ' },
      { text: 'closed ', marks: [{ kind: 'strong' }] },
      { text: 'on Monday', marks: [{ kind: 'strong' }, { kind: 'emphasis' }] },
      { text: '.\n\tSee ' },
      { text: 'the report', marks: [{ kind: 'link', href: 'https://example.org/r' }] },
    ]);
    const { text, blocks } = builder.build();
    expect(text).toBe('Harbour news\n\nThe quay closed on Monday. See the report');
    const paragraph = blocks[1]!;
    const marked = (paragraph.kind !== 'image' ? (paragraph.marks ?? []) : []).map((mark) => [
      mark.kind,
      text.slice(mark.start, mark.end),
    ]);
    expect(marked).toEqual([
      ['strong', 'closed on Monday'],
      ['emphasis', 'on Monday'],
      ['link', 'the report'],
    ]);
  });

  it('drops spaces before a line break (a mark never covers the break) and keeps preformatted text as it is', () => {
    const builder = new DocumentBuilder();
    builder.addBlock({ kind: 'paragraph' }, [
      { text: 'first line ', marks: [{ kind: 'strong' }] },
      { lineBreak: true },
      { text: ' second line' },
    ]);
    builder.addBlock({ kind: 'preformatted' }, [{ text: '\n  indented\r\n    more  \n' }]);
    const { text, blocks } = builder.build();
    expect(text).toBe('first line\nsecond line\n\n  indented\n    more');
    const [paragraph] = blocks;
    expect(paragraph?.kind !== 'image' && paragraph?.marks).toEqual([
      { kind: 'strong', start: 0, end: 10 },
    ]);
  });

  it('drops blocks without text, strips control characters, and puts images before the next text block', () => {
    const builder = new DocumentBuilder();
    builder.addBlock({ kind: 'paragraph' }, [{ text: 'Before' }]);
    builder.addImage({ src: null, alt: 'a map', remoteUrl: 'https://example.org/map.png' });
    expect(builder.addBlock({ kind: 'paragraph' }, [{ text: ' \u0000\u0007 ' }])).toBe(false);
    builder.addBlock({ kind: 'caption', figure: 1 }, [{ text: 'Cafe\u0301 map' }]);
    const { text, blocks } = builder.build();
    expect(text).toBe('Before\n\nCafé map');
    expect(blocks.map((block) => [block.kind, block.start, block.end])).toEqual([
      ['paragraph', 0, 6],
      ['image', 8, 8],
      ['caption', 8, 16],
    ]);
  });

  it('builds a block of 200,000 runs with alternating marks', () => {
    const builder = new DocumentBuilder();
    const runs = Array.from({ length: 200_000 }, (_, index) =>
      index % 2 === 0 ? { text: 'word ' } : { text: 'bold ', marks: [{ kind: 'strong' as const }] },
    );
    builder.addBlock({ kind: 'paragraph' }, runs);
    const { text, blocks } = builder.build();
    expect(text.length).toBe(200_000 * 5 - 1);
    expect(blocks[0]?.kind !== 'image' && blocks[0]?.marks).toHaveLength(100_000);
  });
});
