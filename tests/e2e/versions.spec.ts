/**
 * Versioned sources in the window: an article updated from the reader keeps its
 * passages and says what became of them (the revision report); what changed is
 * shown word by word; an orphan stays in the side panel, a note's link to it is
 * drawn broken, and the analyst re-attaches it; a fuzzy attachment is
 * confirmed; an older version stays readable. English and Persian, with
 * screenshots in screenshots/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, test } from './support/dossierServer';
import { highlightCount } from './support/highlights';
import { startNote } from './support/notes';
import { selectInReader } from './support/reader';

const screenshots = path.join(repoRoot, 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

const title = 'Harbour council approves new ferry terminal';
const firstVersion = [
  title,
  'The city council voted on Tuesday to approve a new ferry terminal on the eastern shore of the harbour, ending a debate that lasted nearly three years.',
  'Council members said the terminal would cost about 40 million dollars and open in the spring of 2027.',
  'The mayor called the vote a turning point for the neighbourhoods along the water, which have long waited for a faster link to the city centre.',
  'Opponents warned that construction could disturb the wetlands north of the site, home to several rare species of birds.',
  'A public hearing on the environmental study is planned for next month.',
].join('\n\n');

/** Edited a little inside the quote. */
const costQuote = 'the terminal would cost about 40 million dollars and open in the spring of 2027';
const costNow = 'the terminal would cost about 45 million dollars and open in the spring of 2027';
/** Deleted in the second version. */
const wetlandsQuote =
  'Opponents warned that construction could disturb the wetlands north of the site';
/** New in the second version: where the analyst re-attaches the deleted passage. */
const courtSentence = 'Environmental groups said they would challenge the decision in court';

const secondVersion = firstVersion
  .replace('about 40 million', 'about 45 million')
  .replace(
    'Opponents warned that construction could disturb the wetlands north of the site, home to several rare species of birds.',
    `${courtSentence}, citing the birds that nest north of the site.`,
  );

function passageItem(page: Page, passageId: string) {
  return page.locator(`[data-testid="passage-item"][data-passage-id="${passageId}"]`);
}

async function markPassage(page: Page, quote: string): Promise<string> {
  await selectInReader(page, quote);
  await page.getByTestId('mark-passage').click();
  const item = page.getByTestId('passage-item').filter({ hasText: quote });
  await expect(item).toHaveCount(1);
  return (await item.getAttribute('data-passage-id'))!;
}

test('update an article from the reader: report, compare, broken link, re-attach, confirm', async ({
  page,
  dossier,
}, testInfo) => {
  const firstFile = testInfo.outputPath('harbour-terminal.txt');
  const secondFile = testInfo.outputPath('harbour-terminal-updated.txt');
  writeFileSync(firstFile, firstVersion);
  writeFileSync(secondFile, secondVersion);

  await page.goto((await dossier.start()).url);
  await page.getByTestId('import-file-input').setInputFiles(firstFile);
  await expect(page.getByTestId('reader-title')).toHaveText(title);

  // Two passages; a note links the one whose sentence the next version deletes.
  const costId = await markPassage(page, costQuote);
  const wetlandsId = await markPassage(page, wetlandsQuote);
  await startNote(page, 'Environmental risks');
  await page.keyboard.type('The wetlands: ');
  await passageItem(page, wetlandsId).getByTestId('link-passage-into-note').click();
  const link = page
    .getByTestId('note-editor')
    .locator(`a.passage-link[data-passage-id="${wetlandsId}"]`);
  await expect(link).toHaveText(wetlandsQuote);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(link).not.toHaveClass(/is-broken/);

  // Update from the reader, through the file picker.
  await page.getByTestId('reader').getByText('Update', { exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('update-from-file').click();
  await (await chooser).setFiles(secondFile);

  // The revision report: one passage approximate, one not found, with old and new words.
  const report = page.getByTestId('revision-report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('report-count-exact').locator('dd')).toHaveText('0');
  await expect(report.getByTestId('report-count-moved').locator('dd')).toHaveText('0');
  await expect(report.getByTestId('report-count-fuzzy').locator('dd')).toHaveText('1');
  await expect(report.getByTestId('report-count-orphaned').locator('dd')).toHaveText('1');
  const fuzzyRow = report.locator(`[data-testid="report-passage"][data-passage-id="${costId}"]`);
  await expect(fuzzyRow).toHaveAttribute('data-status', 'fuzzy');
  await expect(fuzzyRow.locator('.report-old [dir="auto"]')).toHaveText(costQuote);
  await expect(fuzzyRow.locator('.report-new [dir="auto"]')).toHaveText(costNow);
  const orphanRow = report.locator(
    `[data-testid="report-passage"][data-passage-id="${wetlandsId}"]`,
  );
  await expect(orphanRow).toHaveAttribute('data-status', 'orphaned');
  await expect(orphanRow.locator('.report-old [dir="auto"]')).toHaveText(wetlandsQuote);
  await page.screenshot({ path: path.join(screenshots, 'versions-report.png') });
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(report).toHaveCount(0);
  // Nothing is being re-attached until the analyst asks.
  await expect(page.getByTestId('reattach-banner')).toHaveCount(0);
  await expect(page.getByTestId('mark-passage')).toContainText('Mark passage');

  // It can be reopened from the reader.
  await page.getByTestId('show-revision-report').click();
  await expect(report.getByTestId('report-count-orphaned').locator('dd')).toHaveText('1');
  await page.keyboard.press('Escape');
  await expect(report).toHaveCount(0);

  // What changed: two versions, and the words added and removed.
  await page.getByTestId('show-versions').click();
  const versions = page.getByTestId('versions-view');
  await expect(versions.getByTestId('version-row')).toHaveCount(2);
  const comparison = versions.getByTestId('comparison');
  await expect(comparison.getByTestId('diff-removed').filter({ hasText: '40' })).toHaveCount(1);
  await expect(comparison.getByTestId('diff-added').filter({ hasText: '45' })).toHaveCount(1);
  await expect(
    comparison.getByTestId('diff-removed').filter({ hasText: 'wetlands' }).first(),
  ).toBeVisible();
  await expect(comparison.getByTestId('diff-added').filter({ hasText: 'court' })).not.toHaveCount(
    0,
  );
  await page.screenshot({ path: path.join(screenshots, 'versions-compare.png') });
  await versions.getByTestId('back-to-article').click();

  // The orphan stays in the side panel, with its old quote and the note that cites it.
  const orphan = passageItem(page, wetlandsId);
  await expect(orphan).toHaveAttribute('data-status', 'orphaned');
  await expect(orphan.locator('.passage-quote')).toHaveText(wetlandsQuote);
  await expect(orphan.getByTestId('passage-backlink')).toHaveText('Environmental risks');
  // Only the placed passage is highlighted.
  await expect.poll(() => highlightCount(page, 'passage')).toBe(1);

  // The note's link to it is drawn broken, the old quote on hover; it is still there.
  await expect(link).toHaveClass(/is-broken/);
  await expect(link).toHaveAttribute('data-passage-status', 'orphaned');
  await expect(link).toHaveAttribute('title', new RegExp(wetlandsQuote));
  await expect(link).toHaveText(wetlandsQuote);
  await page.screenshot({ path: path.join(screenshots, 'versions-orphan.png') });

  // Following it opens the orphan in the side panel, ready to be re-attached.
  await link.click();
  await expect(page.getByTestId('reader')).toHaveAttribute('data-focused-passage', wetlandsId);
  await expect(orphan).toHaveClass(/is-focused/);
  await expect(page.getByTestId('reattach-banner')).toBeVisible();
  await expect(page.getByTestId('mark-passage')).toContainText('Re-attach here');

  // Re-attach it to the new sentence: it is placed there, and the link is whole again.
  await selectInReader(page, courtSentence);
  await page.getByTestId('mark-passage').click();
  await expect(orphan).toHaveAttribute('data-status', 'exact');
  await expect(orphan.locator('.passage-quote')).toHaveText(courtSentence);
  await expect(page.getByTestId('reattach-banner')).toHaveCount(0);
  await expect(page.getByTestId('mark-passage')).toContainText('Mark passage');
  await expect.poll(() => highlightCount(page, 'passage')).toBe(2);
  await expect(link).not.toHaveClass(/is-broken/);
  await expect(link).toHaveText(wetlandsQuote); // the note's own words are never rewritten

  // Confirm the approximate one.
  const fuzzy = passageItem(page, costId);
  await expect(fuzzy).toHaveAttribute('data-status', 'fuzzy');
  await expect(fuzzy.getByTestId('passage-now')).toContainText(costNow);
  await fuzzy.getByTestId('confirm-passage').click();
  await expect(fuzzy.getByTestId('confirm-passage')).toHaveCount(0);
  await expect(fuzzy.getByTestId('passage-standing')).toContainText('approximate, confirmed');

  // The first version is still readable, with the passage still marked on it.
  await page.getByTestId('show-versions').click();
  await versions
    .locator('[data-testid="version-row"][data-version-number="1"]')
    .getByTestId('read-version')
    .click();
  const oldReader = page.getByTestId('old-version-reader');
  await expect(oldReader).toContainText('about 40 million dollars');
  await expect(oldReader).toContainText('1 passage marked on it');
  await expect.poll(() => highlightCount(page, 'passage')).toBe(1);
  await oldReader.getByTestId('read-current-version').click();
  await expect(page.getByTestId('reader')).toContainText('about 45 million dollars');

  // Words only the first version has are found when the search asks for all versions,
  // and the hit opens that version.
  await page.getByTestId('search-input').fill('wetlands');
  const articleHits = page.locator('[data-testid="search-hit"][data-kind="source"]');
  await expect(page.getByTestId('search-results')).toHaveAttribute('aria-busy', 'false');
  await expect(articleHits).toHaveCount(0);
  await page.getByTestId('search-input').fill('wetlands version:all');
  const oldHit = articleHits.filter({ has: page.getByTestId('search-hit-version') });
  await expect(oldHit).toContainText('In version 1');
  await oldHit.click();
  await expect(page.getByTestId('old-version-reader')).toContainText('wetlands north of the site');
});

test('the same text again is not a new version', async ({ page, dossier }, testInfo) => {
  const file = testInfo.outputPath('harbour-terminal.txt');
  writeFileSync(file, firstVersion);
  await page.goto((await dossier.start()).url);
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('reader-title')).toHaveText(title);

  await page.getByTestId('update-file-input').setInputFiles(file);
  await expect(page.getByTestId('toast').filter({ hasText: 'No new version' })).toBeVisible();
  await expect(page.getByTestId('revision-report')).toHaveCount(0);
  await expect(page.getByTestId('show-versions')).toHaveCount(0);
});

test('a rejected attachment becomes an orphan whose suggestion can be accepted', async ({
  page,
  dossier,
}) => {
  await page.goto((await dossier.start()).url);
  await page.getByTestId('paste-text-button').click();
  await page.getByTestId('paste-text-input').fill(firstVersion);
  await page.getByTestId('paste-text-submit').click();
  await expect(page.getByTestId('reader-title')).toHaveText(title);
  const costId = await markPassage(page, costQuote);

  // The new version, pasted in.
  await page.getByTestId('reader').getByText('Update', { exact: true }).click();
  await page.getByTestId('paste-new-version').click();
  const dialog = page.getByTestId('paste-version-dialog');
  await dialog.getByTestId('paste-text-input').fill(secondVersion);
  await dialog.getByTestId('paste-text-submit').click();
  const report = page.getByTestId('revision-report');
  await expect(report.getByTestId('report-count-fuzzy').locator('dd')).toHaveText('1');
  await report.getByRole('button', { name: 'Close' }).click();

  // Rejected, the approximate place becomes the orphan's suggestion.
  const passage = passageItem(page, costId);
  await passage.getByTestId('reject-passage').click();
  await expect(passage).toHaveAttribute('data-status', 'orphaned');
  await expect(passage.getByTestId('passage-suggestion')).toContainText(costNow);
  await expect.poll(() => highlightCount(page, 'passage')).toBe(0);

  // Selected, its suggested place is outlined in the text; Escape lets go of it.
  await passage.getByTestId('reattach-passage').click();
  await expect(page.getByTestId('reattach-banner')).toBeVisible();
  await expect.poll(() => highlightCount(page, 'passage-suggestion')).toBe(1);
  await page.getByTestId('reader').locator('[data-block-start]').nth(1).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('reattach-banner')).toHaveCount(0);
  await expect.poll(() => highlightCount(page, 'passage-suggestion')).toBe(0);

  await passage.getByTestId('accept-suggestion').click();
  await expect(passage).toHaveAttribute('data-status', 'exact');
  await expect(passage.locator('.passage-quote')).toHaveText(costNow);
  // The words it was first marked on stay on record.
  await expect(passage.getByTestId('passage-standing')).toContainText(costQuote);
  await expect.poll(() => highlightCount(page, 'passage')).toBe(1);
});

const persianArticle = path.join(repoRoot, 'tests', 'fixtures', 'persian-article.txt');
const persianTitle = 'کتابخانه‌ای در دل کوهستان';
const editedQuote = 'خانهٔ قدیمی پدرش را به کتابخانه‌ای عمومی تبدیل کرده است';
const deletedQuote = 'اینجا اولین بار شعرهای حافظ را خواندم';

test('Persian: a revision pasted in, its report and comparison read right to left', async ({
  page,
  dossier,
}) => {
  const text = readFileSync(persianArticle, 'utf8');
  const deletedParagraph = text
    .split('\n\n')
    .find((paragraph) => paragraph.includes(deletedQuote))!;
  const revised = text
    .replace('تبدیل کرده است', 'بدل کرده است')
    .replace(`${deletedParagraph}\n\n`, '');

  await page.goto((await dossier.start()).url);
  await page.getByTestId('import-file-input').setInputFiles(persianArticle);
  await expect(page.getByTestId('reader-title')).toHaveText(persianTitle);
  const editedId = await markPassage(page, editedQuote);
  const deletedId = await markPassage(page, deletedQuote);

  await page.getByTestId('reader').getByText('Update', { exact: true }).click();
  await page.getByTestId('paste-new-version').click();
  const dialog = page.getByTestId('paste-version-dialog');
  await dialog.getByTestId('paste-text-input').fill(revised);
  await dialog.getByTestId('paste-text-submit').click();

  const report = page.getByTestId('revision-report');
  await expect(report.getByTestId('report-count-orphaned').locator('dd')).toHaveText('1');
  const orphanRow = report.locator(
    `[data-testid="report-passage"][data-passage-id="${deletedId}"]`,
  );
  const oldWords = orphanRow.locator('.report-old [dir="auto"]');
  await expect(oldWords).toHaveText(deletedQuote);
  expect(await oldWords.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  await page.screenshot({ path: path.join(screenshots, 'persian-versions-report.png') });
  await report.getByRole('button', { name: 'Close' }).click();

  await expect(passageItem(page, deletedId)).toHaveAttribute('data-status', 'orphaned');
  await expect(passageItem(page, editedId)).not.toHaveAttribute('data-status', 'orphaned');

  await page.getByTestId('show-versions').click();
  const comparison = page.getByTestId('comparison');
  await expect(comparison.getByTestId('diff-removed').filter({ hasText: 'تبدیل' })).toHaveCount(1);
  await expect(comparison.getByTestId('diff-added').filter({ hasText: 'بدل' })).toHaveCount(1);
  const changedBlock = comparison.locator('.comparison-block.has-changes').first();
  expect(await changedBlock.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  await page.screenshot({ path: path.join(screenshots, 'persian-versions-compare.png') });
});
