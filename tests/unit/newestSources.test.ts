/**
 * A window paints the newest articles before a large library is listed whole:
 * they must be the first rows of the whole list, and stand in only where the
 * library shows that order.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultLibraryView,
  isListedOrder,
  noFilters,
} from '../../src/renderer/library/libraryView';
import { useTempCore } from './support/tempCore';

const notebook = useTempCore();

describe('the newest sources', () => {
  it('are the first of the whole list, without those in the trash', async () => {
    const { core } = notebook;
    const ids: string[] = [];
    for (let day = 1; day <= 6; day++) {
      const { sourceId } = await core.importText({ text: `Day ${day}\n\nThe ferry ran.` });
      ids.push(sourceId!);
    }
    core.deleteSource({ sourceId: ids[4]! });

    const whole = core.listSources({}).map((source) => source.id);
    expect(whole).toEqual([ids[5], ids[3], ids[2], ids[1], ids[0]]);
    expect(core.listSources({ newest: 3 }).map((source) => source.id)).toEqual(whole.slice(0, 3));
    expect(core.listSources({ newest: 1000 }).map((source) => source.id)).toEqual(whole);
  });

  it('stand in only for the library in its listed order, unfiltered', () => {
    expect(isListedOrder(defaultLibraryView)).toBe(true);
    const sorted = (key: 'title' | 'saved', direction: 'ascending' | 'descending') => ({
      sort: { key, direction },
      filters: noFilters,
    });
    expect(isListedOrder(sorted('title', 'ascending'))).toBe(false);
    expect(isListedOrder(sorted('saved', 'ascending'))).toBe(false);
    expect(isListedOrder({ ...defaultLibraryView, filters: { ...noFilters, text: 'ferry' } })).toBe(
      false,
    );
  });
});
