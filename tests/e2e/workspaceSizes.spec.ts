/**
 * The workspace by keyboard alone, at every window size from 700×500 to
 * 2560×1440, in English and Persian: open an article from the library, select
 * words with Shift+arrows, mark them with M, and reach the trash — everything
 * inside the window.
 */
import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import { expect, test } from './support/dossierServer';

const articles = {
  English: 'Harbour report\n\nThe ferry to Bandar Abbas left at dawn with rice and salt.',
  Persian: 'گزارش بندر\n\nکشتی‌های باری در سپیده‌دم از بندرعباس حرکت کردند و تا ظهر رسیدند.',
};
const sizes = [
  { width: 700, height: 500 },
  { width: 900, height: 600 },
  { width: 1400, height: 900 },
  { width: 2560, height: 1440 },
];

/** In narrow windows one pane shows at a time; shows `name`'s tab when there are tabs. */
async function showPane(page: Page, name: 'Library' | 'Reader'): Promise<void> {
  const tab = page.getByRole('tab', { name });
  if (await tab.isVisible()) await tab.press('Enter');
}

async function expectInsideWindow(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  const viewport = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
}

for (const size of sizes) {
  for (const [language, text] of Object.entries(articles)) {
    test(`${size.width}×${size.height}, ${language}: open, select, mark and reach the trash by keyboard`, async ({
      page,
      dossier,
    }) => {
      await page.setViewportSize(size);
      const running = await dossier.start();
      const imported = await callApi<{ sourceId: string }>(running, 'importText', { text });
      const sourceId = imported.body.value!.sourceId;
      await page.goto(running.url);

      await showPane(page, 'Library');
      const row = page.getByTestId('source-item').locator('button').first();
      await row.focus();
      await page.keyboard.press('Enter');
      await showPane(page, 'Reader');
      await expect(page.getByTestId('reader-title')).toBeVisible();
      await expectInsideWindow(page, 'reader-title');

      await page.getByLabel('Article text').focus();
      // Left and right are as seen: Persian reads from the right.
      const forward = language === 'Persian' ? 'Shift+ArrowLeft' : 'Shift+ArrowRight';
      for (let step = 0; step < 12; step++) await page.keyboard.press(forward);
      await page.keyboard.press('m');
      await expect
        .poll(async () => {
          const listed = await callApi<unknown[]>(running, 'listPassages', { sourceId });
          return listed.body.value?.length;
        })
        .toBe(1);

      await page.getByText('Notebook', { exact: true }).click();
      await page.getByTestId('open-trash').press('Enter');
      await expect(page.getByTestId('trash-dialog')).toBeVisible();
      await expectInsideWindow(page, 'trash-dialog');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('trash-dialog')).toBeHidden();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}
