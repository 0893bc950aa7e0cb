/**
 * An accessibility check (axe-core) on each main screen, in English and in
 * Persian: no serious or critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import { expect, test, type RunningDossier } from './support/dossierServer';

const persianArticle = [
  'بندرهای جنوب',
  'کشتی‌های باری در سپیده‌دم از بندرعباس حرکت کردند و تا ظهر به جزیره رسیدند.',
  'بازار ماهی در ساحل پر از فروشندگانی بود که برنج، نمک و ماهی خشک می‌فروختند.',
].join('\n\n');

const englishArticle = [
  'Notes from the river delta',
  'The ferry leaves at dawn, when the water is still and the fishermen are already out.',
  'By noon the market fills with traders selling rice, salt and dried fish from the coast.',
].join('\n\n');

/** The violations that stop a screen-reader or keyboard user, with where they are. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
}

async function openWithArticle(page: Page, running: RunningDossier, text: string, quote: string) {
  const imported = await callApi<{ sourceId: string }>(running, 'importText', { text });
  const sourceId = imported.body.value!.sourceId;
  const marked = await callApi<{ passageId: string }>(running, 'markPassage', { sourceId, quote });
  await callApi(running, 'createNote', {
    title: 'Notes',
    passageIds: [marked.body.value!.passageId],
  });
  await page.goto(running.url);
  await page.getByTestId('source-item').first().click();
  await expect(page.getByTestId('passage-item')).toHaveCount(1);
  await page.getByTestId('note-item').first().click();
  await expect(page.getByTestId('note-editor')).toBeVisible();
}

test('the check catches a control a screen reader cannot name', async ({ page, dossier }) => {
  await page.goto((await dossier.start()).url);
  await expect(page.getByTestId('new-note')).toBeVisible();
  await page.evaluate(() => document.body.append(document.createElement('button')));
  expect((await seriousViolations(page)).map((violation) => violation.rule)).toContain(
    'button-name',
  );
});

test('the empty workspace has no serious accessibility violations', async ({ page, dossier }) => {
  await page.goto((await dossier.start()).url);
  await expect(page.getByTestId('new-note')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const [language, text, quote] of [
  ['English', englishArticle, 'selling rice, salt and dried fish'],
  ['Persian', persianArticle, 'برنج، نمک و ماهی خشک'],
] as const) {
  test(`the reader, passages and note in ${language} have no serious accessibility violations`, async ({
    page,
    dossier,
  }) => {
    await openWithArticle(page, await dossier.start(), text, quote);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('search results and the trash have no serious accessibility violations', async ({
  page,
  dossier,
}) => {
  await openWithArticle(page, await dossier.start(), englishArticle, 'selling rice');
  await page.getByTestId('search-input').fill('salt');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByTestId('search-input').press('Escape');
  await page.getByText('Notebook', { exact: true }).click();
  await page.getByTestId('open-trash').click();
  await expect(page.getByTestId('trash-dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the narrow layout has no serious accessibility violations on any tab', async ({
  page,
  dossier,
}) => {
  await page.setViewportSize({ width: 700, height: 500 });
  const running = await dossier.start();
  await callApi(running, 'importText', { text: persianArticle });
  await page.goto(running.url);
  await page.getByRole('tab', { name: 'Library' }).click();
  await page.getByTestId('source-item').first().click();
  await expect(page.getByTestId('reader-title')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.getByTestId('new-note')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Passages & note' }).click();
  await expect(page.getByText('Select text in the article')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
