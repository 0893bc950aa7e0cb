/**
 * The server keeps answering while the core works: a search sent while a
 * 15 MiB article is being imported comes back before the import does.
 */
import { expect, test } from './support/dossierServer';
import { callApi } from './support/api';

/** About `bytes` of article-like text: paragraphs of varied words. */
function largeArticle(bytes: number): string {
  const words = ['river', 'delta', 'ferry', 'market', 'salt', 'harbour', 'council', 'budget'];
  const paragraphs = ['A very long report'];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    const paragraph = Array.from({ length: 60 }, (_, n) => words[(index * 7 + n) % 8]).join(' ');
    paragraphs.push(`${paragraph} ${index}.`);
    size += paragraph.length + 8;
  }
  return paragraphs.join('\n\n');
}

test('a search is answered while a 15 MiB import runs on the same server', async ({ dossier }) => {
  const running = await dossier.start();
  expect(
    (await callApi(running, 'importText', { text: 'Small note\n\nAbout salt.' })).body.ok,
  ).toBe(true);

  const finished: string[] = [];
  const importing = callApi(running, 'importText', { text: largeArticle(15 * 1024 * 1024) }).then(
    (reply) => {
      finished.push('import');
      return reply;
    },
  );
  // Let the import reach the core before searching.
  await new Promise((resolve) => setImmediate(resolve));
  const searchStarted = performance.now();
  const search = await callApi<unknown[]>(running, 'search', { query: 'salt' });
  const searchMs = performance.now() - searchStarted;
  finished.push('search');

  expect(search.body.ok).toBe(true);
  expect((await importing).body.ok).toBe(true);
  expect(finished).toEqual(['search', 'import']);
  test.info().annotations.push({
    type: 'search while importing',
    description: `${Math.round(searchMs)} ms`,
  });
});
