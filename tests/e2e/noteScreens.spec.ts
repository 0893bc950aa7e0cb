/**
 * The note editor's main screens, kept as screenshots to look at: a note
 * quoting two sources, in Persian with an English paragraph, with its
 * references, its history and the palette open over it.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import { expect, repoRoot, test, type RunningDossier } from './support/dossierServer';
import { selectInReader } from './support/reader';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(repoRoot, 'screenshots', name) });

async function importWithSite(running: RunningDossier, text: string, siteName: string) {
  const { sourceId } = (await callApi<{ sourceId: string }>(running, 'importText', { text })).body
    .value!;
  await callApi(running, 'editSource', { sourceId, siteName, publishedAt: '2024-03-02' });
}

test('a Persian note quoting two sources, with an English paragraph, its history and the palette', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  await importWithSite(
    running,
    'گزارش بندر\n\nکشتی‌های باری از بندر عباس در سپیده‌دم حرکت کردند و بار برنج آوردند.',
    'خبرگزاری بندر',
  );
  await importWithSite(
    running,
    'Harbour report\n\nThe ferry to Bandar Abbas left at dawn with rice and salt.',
    'Port Weekly',
  );
  await page.goto(running.url);

  await page.getByTestId('source-item').filter({ hasText: 'گزارش بندر' }).click();
  await selectInReader(page, 'در سپیده‌دم حرکت کردند');
  await page.getByTestId('selection-quote').click();
  const editor = page.getByTestId('note-editor');
  await expect(editor.locator('blockquote')).toHaveCount(1);

  await page.getByTestId('source-item').filter({ hasText: 'Harbour report' }).click();
  await selectInReader(page, 'left at dawn');
  await page.getByTestId('selection-quote').click();
  const quotes = editor.locator('blockquote');
  await expect(quotes).toHaveCount(2);
  await expect(quotes.nth(0).locator('.passage-link')).toHaveText(
    /گزارش بندر, خبرگزاری بندر, .*2024/,
  );
  await expect(quotes.nth(1).locator('.passage-link')).toHaveText(/Harbour report, Port Weekly/);

  // A Persian paragraph and an English one, each in its own direction.
  await page.keyboard.type('هر دو منبع زمان حرکت را سپیده‌دم می‌دانند.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Both sources agree on the departure time.');
  const paragraphs = editor.locator('p');
  await expect(paragraphs.filter({ hasText: 'هر دو منبع' })).toHaveCSS('direction', 'rtl');
  await expect(paragraphs.filter({ hasText: 'Both sources' })).toHaveCSS('direction', 'ltr');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(page.getByTestId('note-cites').locator(':scope > li')).toHaveCount(2);
  await shot(page, 'note-two-sources-persian.png');

  // Leaving the text keeps a version in the history.
  await page.getByTestId('note-title').click();
  await page.getByTestId('note-history-button').click();
  await expect(page.getByTestId('note-history-item').first()).toBeVisible();
  await page.getByTestId('note-history-item').first().click();
  await expect(page.getByTestId('note-history-preview')).toContainText('Both sources agree');
  await shot(page, 'note-history.png');
  await page.keyboard.press('Escape');

  await page.getByTestId('note-editor').click();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('command-palette-option').first()).toBeVisible();
  await shot(page, 'palette-over-note.png');
});
