/**
 * The workspace's screens saved in screenshots/ for a person to look at: the
 * library with filters and collections, the selection toolbar over coloured
 * and overlapping passages, the trash holding an article and a note, and the
 * narrow layout — each with Persian content beside English.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { callApi } from './support/api';
import { expect, repoRoot, test, type RunningDossier } from './support/dossierServer';
import { selectInReader } from './support/reader';

const screenshots = path.join(repoRoot, 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

const articles = [
  {
    text: 'Harbour report\n\nThe ferry to Bandar Abbas left at dawn with rice, salt and dried fish for the island markets.',
    site: 'Port Weekly',
    tags: ['shipping'],
  },
  {
    text: 'گزارش بندر\n\nکشتی‌های باری در سپیده‌دم از بندرعباس حرکت کردند و تا ظهر به جزیره رسیدند.',
    site: 'خبرگزاری جنوب',
    tags: ['بندر', 'shipping'],
  },
  {
    text: 'Council minutes\n\nThe council approved the budget for the river port after a long debate.',
    site: 'City Hall',
    tags: ['budget'],
  },
];

async function value<T>(running: RunningDossier, method: string, args: unknown): Promise<T> {
  const reply = await callApi<T>(running, method, args);
  expect(reply.body.ok).toBe(true);
  return reply.body.value as T;
}

async function fillNotebook(running: RunningDossier): Promise<string[]> {
  const ids: string[] = [];
  for (const { text, site, tags } of articles) {
    const { sourceId } = await value<{ sourceId: string }>(running, 'importText', { text });
    await value(running, 'editSource', { sourceId, siteName: site });
    await value(running, 'setSourceTags', { sourceId, tags });
    ids.push(sourceId);
  }
  const ports = await value<{ id: string }>(running, 'createCollection', { name: 'Ports' });
  const south = await value<{ id: string }>(running, 'createCollection', { name: 'جنوب' });
  await value(running, 'addToCollection', { collectionId: ports.id, sourceIds: ids.slice(0, 2) });
  await value(running, 'addToCollection', { collectionId: south.id, sourceIds: [ids[1]] });
  await value(running, 'setHighlightColorLabel', { color: 'green', label: 'evidence' });
  await value(running, 'setHighlightColorLabel', { color: 'pink', label: 'claim' });
  return ids;
}

test('library with filters and collections, in English and Persian', async ({ page, dossier }) => {
  const running = await dossier.start();
  await fillNotebook(running);
  await page.goto(running.url);
  await expect(page.getByTestId('source-item')).toHaveCount(3);
  await page.getByTestId('collection-filter').filter({ hasText: 'Ports' }).click();
  await page.getByTestId('library-filter').fill('بندر');
  await expect(page.getByTestId('source-item')).toHaveCount(1);
  await expect(page.getByTestId('filter-chip').first()).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, 'library-filters-collections.png') });
});

test('selection toolbar over coloured, overlapping passages', async ({ page, dossier }) => {
  const running = await dossier.start();
  const [english] = await fillNotebook(running);
  await value(running, 'markPassage', {
    sourceId: english,
    quote: 'ferry to Bandar Abbas left at dawn',
    color: 'green',
    comment: 'Matches the port log',
  });
  await value(running, 'markPassage', {
    sourceId: english,
    quote: 'left at dawn with rice',
    color: 'pink',
  });
  await page.goto(running.url);
  await page.getByTestId('source-item').filter({ hasText: 'Harbour report' }).click();
  await expect(page.getByTestId('passage-item')).toHaveCount(2);
  await selectInReader(page, 'dried fish for the island');
  await expect(page.getByTestId('selection-quote')).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, 'selection-toolbar-overlaps.png') });
});

test('the trash with an article and a note', async ({ page, dossier }) => {
  const running = await dossier.start();
  const [english, persian] = await fillNotebook(running);
  const { noteId } = await value<{ noteId: string }>(running, 'createNote', {
    title: 'یادداشت بندر',
  });
  await value(running, 'deleteSource', { sourceId: persian });
  await value(running, 'deleteSource', { sourceId: english });
  await value(running, 'deleteNote', { noteId });
  await page.goto(running.url);
  await page.getByText('Notebook', { exact: true }).click();
  await page.getByTestId('open-trash').click();
  await expect(page.getByTestId('trash-item')).toHaveCount(3);
  await page.screenshot({ path: path.join(screenshots, 'trash-articles-notes.png') });
});

test('the narrow layout at 700×500 with a Persian article', async ({ page, dossier }) => {
  await page.setViewportSize({ width: 700, height: 500 });
  const running = await dossier.start();
  const [, persian] = await fillNotebook(running);
  await value(running, 'markPassage', {
    sourceId: persian,
    quote: 'از بندرعباس حرکت کردند',
    color: 'green',
  });
  await page.goto(running.url);
  await page.getByRole('tab', { name: 'Library' }).click();
  await page.getByTestId('source-item').filter({ hasText: 'گزارش بندر' }).click();
  await expect(page.getByTestId('reader-title')).toHaveText('گزارش بندر');
  await page.screenshot({ path: path.join(screenshots, 'narrow-persian-reader.png') });
  await page.getByRole('tab', { name: 'Library' }).click();
  await page.screenshot({ path: path.join(screenshots, 'narrow-library.png') });
});
