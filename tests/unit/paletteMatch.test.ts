import { describe, expect, it } from 'vitest';
import { matchesQuery } from '../../src/renderer/palette/matchQuery';

describe('matchesQuery', () => {
  it('finds every word in any order, ignoring case', () => {
    expect(matchesQuery('Show or hide the library', 'LIBRARY hide')).toBe(true);
    expect(matchesQuery('Show or hide the library', 'library note')).toBe(false);
  });

  it('folds accents and Persian short vowels', () => {
    expect(matchesQuery('Open “Café de Flore”', 'cafe')).toBe(true);
    expect(matchesQuery('یادداشت‌های سَفَر', 'سفر')).toBe(true);
  });

  it('lists everything for an empty query', () => {
    expect(matchesQuery('New note', '  ')).toBe(true);
  });
});
