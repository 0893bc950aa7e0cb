/**
 * Notebook → Export notes… (and the palette's "Export notes…"): notes written
 * as Markdown files with their citations as footnotes into a typed folder,
 * from the keyboard alone; a destination that is a file is refused with the
 * reason. Screenshot in screenshots/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { callApi } from './support/api';
import { expect, repoRoot, test, type RunningDossier } from './support/dossierServer';

const screenshots = path.join(repoRoot, 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

async function twoNotesCiting(running: RunningDossier): Promise<void> {
  const imported = await callApi<{ sourceId: string }>(running, 'importText', {
    text: 'Harbour report\n\nThe ferry to Bandar Abbas left at dawn.\n\nTraders sold rice and salt.',
  });
  const sourceId = imported.body.value!.sourceId;
  for (const [title, quote] of [
    ['Ferry notes', 'ferry to Bandar Abbas'],
    ['Market notes', 'rice and salt'],
  ] as const) {
    const marked = await callApi<{ passageId: string }>(running, 'markPassage', {
      sourceId,
      quote,
    });
    await callApi(running, 'createNote', {
      title,
      text: `About ${quote}:`,
      passageIds: [marked.body.value!.passageId],
    });
  }
}

test('two notes exported as Markdown from the keyboard: the files exist with their footnotes', async ({
  page,
  dossier,
}, testInfo) => {
  const running = await dossier.start();
  await twoNotesCiting(running);
  const folder = testInfo.outputPath('exported notes');
  await page.goto(running.url);
  await expect(page.getByTestId('note-item')).toHaveCount(2);

  // The palette opens the same dialog as the Notebook menu.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('Export notes');
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('export-notes-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Markdown' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /All notes/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /This note/ })).toBeDisabled();

  // Markdown (focused first) → the notes' choice → the folder.
  await expect(dialog.getByRole('radio', { name: 'Markdown' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('radio', { name: /All notes/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByTestId('export-destination')).toBeFocused();
  await page.keyboard.type(folder);
  await page.screenshot({ path: path.join(screenshots, 'export-dialog.png') });
  await page.keyboard.press('Enter');

  const result = dialog.getByTestId('export-result');
  await expect(result).toContainText('Wrote 2 notes to');
  await expect(result).toContainText('Ferry notes.md');
  await expect(result).toContainText('Market notes.md');
  await expect(result).toContainText('sources.csl.json');
  await page.screenshot({ path: path.join(screenshots, 'export-dialog-done.png') });

  const files = readdirSync(folder).sort();
  expect(files).toEqual([
    'Ferry notes.md',
    'Market notes.md',
    'annotations.jsonld',
    'sources.csl.json',
  ]);
  const ferry = readFileSync(path.join(folder, 'Ferry notes.md'), 'utf8');
  expect(ferry).toContain('[^1]');
  expect(ferry).toMatch(/^\[\^1\]: .*Harbour report/m);
  expect(readFileSync(path.join(folder, 'Market notes.md'), 'utf8')).toContain('rice and salt');

  // Close is focused: Enter closes the dialog.
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
});

test('a destination that is a file is refused in the dialog, which says why', async ({
  page,
  dossier,
}, testInfo) => {
  const running = await dossier.start();
  await twoNotesCiting(running);
  const file = testInfo.outputPath('not-a-folder.txt');
  writeFileSync(file, 'already here');
  await page.goto(running.url);

  await page.getByText('Notebook', { exact: true }).click();
  await page.getByTestId('export-notes').click();
  const dialog = page.getByTestId('export-notes-dialog');
  await dialog.getByRole('radio', { name: /HTML/ }).check();
  await dialog.getByTestId('export-destination').fill(file);
  await dialog.getByTestId('export-notes-submit').click();

  const error = dialog.getByTestId('export-error');
  await expect(error).toContainText('Could not export the notes');
  await expect(error).toContainText('not-a-folder.txt');
  expect(readFileSync(file, 'utf8')).toBe('already here');

  // Corrected, the same dialog exports as HTML.
  const folder = testInfo.outputPath('html notes');
  await dialog.getByTestId('export-destination').fill(folder);
  await dialog.getByTestId('export-notes-submit').click();
  await expect(dialog.getByTestId('export-result')).toContainText('Ferry notes.html');
  expect(existsSync(path.join(folder, 'Market notes.html'))).toBe(true);
});
