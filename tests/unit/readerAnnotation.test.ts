import { describe, expect, it } from 'vitest';
import { citation } from '../../src/renderer/reader/citation';
import { placeBeside } from '../../src/renderer/reader/floatingPlacement';
import { commonSpan, overlapSpans } from '../../src/renderer/reader/passageOverlaps';

describe('overlapSpans', () => {
  it('finds the stretch two passages share, and nothing where they only touch', () => {
    expect(
      overlapSpans([
        { start: 0, end: 10 },
        { start: 5, end: 20 },
      ]),
    ).toEqual([{ start: 5, end: 10 }]);
    expect(
      overlapSpans([
        { start: 0, end: 10 },
        { start: 10, end: 20 },
      ]),
    ).toEqual([]);
    expect(overlapSpans([{ start: 0, end: 10 }])).toEqual([]);
  });

  it('merges a run covered by three passages into one stretch, in order of the text', () => {
    const spans = [
      { start: 40, end: 60 },
      { start: 0, end: 30 },
      { start: 10, end: 20 },
      { start: 15, end: 25 },
      { start: 50, end: 55 },
    ];
    expect(overlapSpans(spans)).toEqual([
      { start: 10, end: 25 },
      { start: 50, end: 55 },
    ]);
  });

  it('counts the same words marked twice as an overlap', () => {
    expect(
      overlapSpans([
        { start: 3, end: 9 },
        { start: 3, end: 9 },
      ]),
    ).toEqual([{ start: 3, end: 9 }]);
  });
});

describe('commonSpan', () => {
  it('is what every passage covers, or null when they share nothing', () => {
    expect(
      commonSpan([
        { start: 0, end: 10 },
        { start: 5, end: 20 },
      ]),
    ).toEqual({
      start: 5,
      end: 10,
    });
    expect(
      commonSpan([
        { start: 0, end: 5 },
        { start: 5, end: 9 },
      ]),
    ).toBeNull();
    expect(commonSpan([])).toBeNull();
  });
});

describe('placeBeside', () => {
  const reader = { top: 100, bottom: 800, left: 300, right: 1000 };
  const toolbar = { width: 200, height: 40 };

  it('centres the panel above the words when there is room', () => {
    const words = { top: 400, bottom: 420, left: 500, right: 600 };
    expect(placeBeside(words, toolbar, reader)).toEqual({ side: 'above', top: 352, left: 450 });
  });

  it('flips below the words at the top of the reader, and stays inside its sides', () => {
    const words = { top: 120, bottom: 140, left: 290, right: 330 };
    expect(placeBeside(words, toolbar, reader)).toEqual({ side: 'below', top: 148, left: 304 });
  });

  it('stays in sight when the words begin above the reader and end below it', () => {
    const words = { top: 50, bottom: 2000, left: 500, right: 990 };
    expect(placeBeside(words, toolbar, reader)).toEqual({ side: 'below', top: 756, left: 645 });
  });
});

describe('citation', () => {
  const source = {
    title: 'Northern quay to close for repairs after storms',
    siteName: 'The Coastal Herald',
    publishedAt: '2026-02-10',
  };

  it('quotes the words on one line, then the title, site and date', () => {
    const cited = citation('deep cracks\n\nin the concrete ', source, null);
    expect(cited).toMatch(
      /^“deep cracks in the concrete” — Northern quay to close for repairs after storms, The Coastal Herald, .*2026$/,
    );
  });

  it('adds the page of a PDF and leaves out what is unknown', () => {
    expect(
      citation('Yields fell', { title: 'Field report', siteName: null, publishedAt: null }, 4),
    ).toBe('“Yields fell” — Field report, p. 4');
  });
});
