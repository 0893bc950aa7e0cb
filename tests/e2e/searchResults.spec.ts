/**
 * The search panel shows the first screen of each group with snippets at once;
 * the rows below get theirs as they are scrolled to.
 */
import { callApi } from './support/api';
import { expect, test } from './support/dossierServer';

test('snippets of the rows below the first screen are cut as they are scrolled to', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  for (let day = 1; day <= 30; day++) {
    const reply = await callApi(running, 'importText', {
      title: `Harbour log, day ${day}`,
      text: `${'The tide turned twice. '.repeat(8)}\n\nOn day ${day} the pilot boarded at dawn.`,
    });
    expect(reply.body.ok).toBe(true);
  }
  const cutLater: number[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/cutSnippets')) return;
    cutLater.push((request.postDataJSON() as { hits: unknown[] }).hits.length);
  });
  await page.goto(running.url);

  await page.getByTestId('search-input').fill('pilot');
  const hits = page.getByTestId('search-hit');
  await expect(hits).toHaveCount(30);
  await expect(hits.first().locator('mark')).toHaveText('pilot');
  const last = hits.last();
  await expect(last.locator('.snippet-later')).toHaveCount(1);

  await last.scrollIntoViewIfNeeded();
  await expect(last.locator('mark')).toHaveText('pilot');
  await expect(last).toContainText('On day');
  // Each row was asked for once at most, and none of the first ten (they came with the results).
  const asked = cutLater.reduce((sum, count) => sum + count, 0);
  expect(asked).toBeGreaterThan(0);
  expect(asked).toBeLessThanOrEqual(20);
});
