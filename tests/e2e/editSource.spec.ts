/** Correcting what Dossier read from a page: its title and details, without touching its text. */
import path from 'node:path';
import { expect, repoRoot, test } from './support/dossierServer';

const newsPage = path.join(repoRoot, 'tests', 'fixtures', 'web', 'english-news.html');
const title = 'Northern quay to close for repairs after storms';

test('edit details: a new title, site and date show in the library and the search filters; the text stays as imported', async ({
  page,
  dossier,
}) => {
  await page.goto((await dossier.start()).url);
  await page.getByTestId('import-file-input').setInputFiles(newsPage);
  await page.getByTestId('source-item').filter({ hasText: title }).click();
  await expect(page.getByTestId('source-byline')).toContainText('Jane Morrow');

  await page.getByTestId('edit-source-button').click();
  const dialog = page.getByTestId('edit-source-dialog');
  await expect(page.getByTestId('edit-source-title')).toHaveValue(title);
  await page.getByTestId('edit-source-title').fill('Quay repairs (Coastal Herald)');
  await page.getByTestId('edit-source-site').fill('Coastal Herald Online');
  await page.getByTestId('edit-source-byline').fill('');
  await page.getByTestId('edit-source-published').fill('2026-02-12');
  await page.screenshot({ path: path.join(repoRoot, 'screenshots', 'edit-source.png') });
  await page.getByTestId('edit-source-save').click();
  await expect(dialog).not.toBeVisible();

  const item = page.getByTestId('source-item').filter({ hasText: 'Quay repairs (Coastal Herald)' });
  await expect(item).toContainText('Coastal Herald Online');
  await expect(page.getByTestId('source-site')).toHaveText('Coastal Herald Online');
  await expect(page.getByTestId('source-byline')).toHaveCount(0);
  await expect(page.getByTestId('source-published')).toHaveAttribute('datetime', '2026-02-12');
  // The article's own title stays in its text, where passages may anchor.
  await expect(page.getByTestId('reader-title')).toHaveText(title);

  await page.getByTestId('search-input').fill('site:"Coastal Herald Online" after:2026-02-11 quay');
  const hit = page
    .getByTestId('search-group-source')
    .getByTestId('search-hit')
    .filter({ hasText: 'Quay repairs' });
  await expect(hit).toHaveCount(1);
  await hit.click();

  // A bad address is refused in the dialog, and nothing changes.
  await page.getByTestId('edit-source-button').click();
  await page.getByTestId('edit-source-url').fill('ftp://example.org/file');
  await page.getByTestId('edit-source-save').click();
  await expect(page.getByTestId('edit-source-error')).toContainText(/http/i);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('source-url')).toHaveText(
    'https://example.org/news/northern-quay-repairs',
  );
});
