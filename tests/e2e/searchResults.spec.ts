/**
 * The search panel shows the first screen of each group with snippets at once;
 * the rows below get theirs as they are scrolled to. It asks for the best
 * results first, and for more on request.
 */
import { MOST_SEARCH_RESULTS } from '../../src/shared/searchPanel';
import { callApi } from './support/api';
import type { Page } from '@playwright/test';
import { expect, test, type DossierHost } from './support/dossierServer';

/** Opens a notebook of `count` small text files, imported in one call, the nth (from 1) holding `text(n)`. */
async function openWithTexts(
  page: Page,
  dossier: DossierHost,
  count: number,
  text: (n: number) => string,
): Promise<void> {
  const running = await dossier.start();
  const reply = await callApi(running, 'importFiles', {
    files: Array.from({ length: count }, (_, index) => ({
      fileName: `text-${index + 1}.txt`,
      contentBase64: Buffer.from(text(index + 1)).toString('base64'),
    })),
  });
  expect(reply.body.ok).toBe(true);
  await page.goto(running.url);
}

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

test('a search that fills its first results offers more, then says when no more are left', async ({
  page,
  dossier,
}) => {
  await openWithTexts(
    page,
    dossier,
    70,
    (n) => `Quay log ${n}\n\nThe ferry left the quay at dawn.`,
  );

  await page.getByTestId('search-input').fill('ferry');
  const hits = page.getByTestId('search-hit');
  await expect(hits).toHaveCount(60);
  await expect(page.getByText('The best 60 results are shown.')).toBeVisible();
  // Arrow keys reach the button after the last hit.
  await hits.last().focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('search-more')).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(hits).toHaveCount(70);
  // The keyboard goes on from the first new result.
  await expect(hits.nth(60)).toBeFocused();
  await expect(page.getByTestId('search-more')).toHaveCount(0);
  await expect(page.getByText(/The best \d+ results are shown/)).toHaveCount(0);
  // A new query starts again from the first results.
  await page.getByTestId('search-input').fill('quay');
  await expect(hits).toHaveCount(60);
  await expect(page.getByTestId('search-more')).toBeVisible();
});

test('past the most one search returns, the panel says to refine the search', async ({
  page,
  dossier,
}) => {
  await openWithTexts(
    page,
    dossier,
    MOST_SEARCH_RESULTS + 10,
    (n) => `Berth ${n}\n\nA crane lifted crate ${n}.`,
  );

  await page.getByTestId('search-input').fill('crane');
  const hits = page.getByTestId('search-hit');
  const more = page.getByTestId('search-more');
  for (const shown of [60, 120, 240, 480]) {
    await expect(hits).toHaveCount(shown);
    await expect(more).toHaveText('Show more');
    await more.click();
  }
  await expect(hits).toHaveCount(MOST_SEARCH_RESULTS);
  await expect(more).toHaveCount(0);
  await expect(
    page.getByText(`The best ${MOST_SEARCH_RESULTS} results are shown: refine the search`),
  ).toBeVisible();
});
