/**
 * A query of words alone joins only FTS5's best matches to their rows, widening
 * that window when the trash or ties leave it unsure. Its results must be those
 * of the plan that joins every match (the one taken with a filter).
 */
import { describe, expect, it } from 'vitest';
import { chooseSeed, seededRandom } from './support/seededRandom';
import { useTempCore } from './support/tempCore';

const notebook = useTempCore();

/** A filter every source passes: it makes the search join every match. */
const everyDate = 'after:1900';

async function addSource(title: string, text: string, publishedAt?: string): Promise<string> {
  const { sourceId } = await notebook.core.importText({ title, text });
  if (publishedAt) notebook.core.editSource({ sourceId: sourceId!, publishedAt });
  return sourceId!;
}

const ids = (query: string, limit: number) =>
  notebook.core.search({ query, limit }).map((hit) => hit.id);

describe('search of words alone', () => {
  it('returns the visible hits in order when the best ones are all in the trash', async () => {
    const trashed: string[] = [];
    // Title matches rank first; ten of them fill several windows of two.
    for (let i = 0; i < 10; i++) trashed.push(await addSource(`Harbour ${i}`, 'A log.'));
    const visible = [
      await addSource('Log one', 'The harbour froze, the harbour thawed, the harbour again.'),
      await addSource('Log two', 'The harbour froze and thawed over the long winter months.'),
      await addSource(
        'Log three',
        'Notes of the winter, the ice, the wind and the harbour, at last.',
      ),
    ];
    for (const sourceId of trashed) notebook.core.deleteSource({ sourceId });

    expect(ids('harbour', 2)).toEqual(visible.slice(0, 2));
    expect(ids('harbour', 100)).toEqual(visible);
    expect(ids('harbour', 2)).toEqual(ids(`harbour ${everyDate}`, 2));
  });

  it('orders hits of equal relevance by date, then id, beyond the first window', async () => {
    const dates = [
      '2021-03-01',
      '2024-06-01',
      '2019-01-01',
      '2024-06-01',
      '2023-02-01',
      '2020-05-05',
    ];
    const sources: string[] = [];
    // Texts of one length with the word once: one bm25 for all.
    for (const [day, date] of dates.entries()) {
      sources.push(await addSource('Log', `The harbour froze on day ${day}.`, date));
    }

    const newestFirst = ids(`harbour ${everyDate}`, 100);
    expect(newestFirst).toEqual([
      sources[3],
      sources[1],
      sources[4],
      sources[0],
      sources[5],
      sources[2],
    ]);
    for (const limit of [1, 2, 3, 5, 6]) {
      expect(ids('harbour', limit), `limit ${limit}`).toEqual(newestFirst.slice(0, limit));
    }
  });

  it('gives what joining every match gives, with many ties, dates and trashed rows', async () => {
    const seed = chooseSeed();
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    // Few shapes of text and dates, so that ties of relevance and of date are common
    // (a text imported again is the same source: each has a number of its own).
    const texts = ['The harbour froze.', 'The harbour froze again.', 'Ice in the harbour, ice.'];
    const dates = ['2020-01-01', '2021-06-01', '2023-03-03'];
    for (let i = 0; i < 40; i++) {
      const title = pick(['Log', 'Harbour log']);
      const sourceId = await addSource(title, `${pick(texts)} Day ${i}.`, pick(dates));
      if (random() < 0.3) notebook.core.deleteSource({ sourceId });
    }
    for (const limit of [1, 2, 3, 5, 8, 13, 40]) {
      expect(ids('harbour', limit), `seed ${seed}, limit ${limit}`).toEqual(
        ids(`harbour ${everyDate}`, limit),
      );
    }
  });

  it('finds every kind with the same results as the plan that joins every match', async () => {
    const sourceId = await addSource('Harbour log', 'The harbour froze.\n\nThe harbour thawed.');
    const { passageId } = notebook.core.markPassage({ sourceId, quote: 'The harbour froze.' });
    notebook.core.createNote({ title: 'Harbour notes', passageIds: [passageId] });
    notebook.core.createNote({ title: 'Ice', passageIds: [passageId] });
    for (const limit of [1, 2, 4, 10]) {
      expect(notebook.core.search({ query: 'harbour', limit }), `limit ${limit}`).toEqual(
        notebook.core.search({ query: `harbour ${everyDate}`, limit }),
      );
    }
  });
});
