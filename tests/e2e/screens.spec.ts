/**
 * The main screens with English and Persian content, saved as screenshots in
 * screenshots/ for a person to look at, with the checks that matter for
 * right-to-left text: direction, joined letters under a mark, folded search.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, repoRoot, test } from './support/dossierServer';
import { startNote } from './support/notes';
import { selectInReader } from './support/reader';
import { hasSampleArticle, sampleArticleFile } from '../support/sharedData';

const screenshots = path.join(repoRoot, 'screenshots');
const persianArticle = path.join(repoRoot, 'tests', 'fixtures', 'persian-article.txt');
const persianTitle = 'کتابخانه‌ای در دل کوهستان';

test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

test('empty notebook', async ({ page, dossier }) => {
  await page.goto((await dossier.start()).url);
  await expect(page.getByTestId('search-input')).toBeVisible();
  await expect(page.getByText(/No articles yet/i)).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, 'empty.png') });
});

test('Persian article: read, mark, search with Arabic letter forms', async ({ page, dossier }) => {
  await page.goto((await dossier.start()).url);
  await page.getByTestId('import-file-input').setInputFiles(persianArticle);
  await page.getByTestId('source-item').filter({ hasText: persianTitle }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(persianTitle);

  const paragraph = page.getByTestId('reader').locator('[data-block-start]').nth(1);
  await expect(paragraph).toHaveAttribute('dir', 'auto');
  expect(await paragraph.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');

  await selectInReader(page, 'خانهٔ قدیمی پدرش');
  await page.getByTestId('mark-passage').click();
  await expect(
    page.getByTestId('passage-item').filter({ hasText: 'خانهٔ قدیمی پدرش' }),
  ).toHaveCount(1);
  // The mark is a highlight over the text, not an element inside the word.
  expect(await paragraph.evaluate((element) => element.childNodes.length)).toBe(1);
  await page.screenshot({ path: path.join(screenshots, 'persian-reader.png') });

  // Arabic kaf and yeh (ك ي) find the Persian forms (ک ی).
  await page.getByTestId('search-input').fill('كتابخانه');
  const hit = page.getByTestId('search-group-source').getByTestId('search-hit');
  await expect(hit.filter({ hasText: persianTitle })).toHaveCount(1);
  await expect(hit.locator('mark').first()).toContainText('کتابخانه');
  await page.screenshot({ path: path.join(screenshots, 'persian-search.png') });
});

test('English article with a linked note and search results', async ({ page, dossier }) => {
  test.skip(!hasSampleArticle, `the sample article is missing (${sampleArticleFile})`);
  await page.goto((await dossier.start()).url);
  await page.getByTestId('import-file-input').setInputFiles(sampleArticleFile);
  await page.getByTestId('source-item').first().click();
  await selectInReader(page, 'Iran is the biggest donor');
  await page.getByTestId('mark-passage').click();
  await startNote(page, 'Funding');
  await page.keyboard.type('Iran funds Hamas: ');
  await page.getByTestId('link-passage-into-note').click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.screenshot({ path: path.join(screenshots, 'english-reader-note.png') });

  await page.getByTestId('search-input').fill('donor');
  await expect(page.getByTestId('search-group-note').getByTestId('search-hit')).toHaveCount(1);
  await page.screenshot({ path: path.join(screenshots, 'english-search.png') });
});
