/**
 * Notebook → Backups…: the notebook's own verified backups, newest first, and
 * Back up now, which adds one; the list follows backups made elsewhere.
 */
import path from 'node:path';
import { callApi } from './support/api';
import { expect, repoRoot, test } from './support/dossierServer';

test('Backups… lists the verified backups and Back up now adds one, by keyboard', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  await callApi(running, 'createNote', { title: 'Harbour', text: 'Cranes idle.' });
  await page.goto(running.url);

  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette-input').fill('backups');
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('backups-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('backups-empty')).toBeVisible();

  await dialog.getByTestId('back-up-now').focus();
  await page.keyboard.press('Enter');
  const rows = dialog.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Made by you');
  await expect(rows.first()).toContainText('Verified');

  // One made elsewhere (another window, the app's own schedule) appears too.
  await callApi(running, 'backUpNow', {});
  await expect(rows).toHaveCount(2);
  await page.screenshot({ path: path.join(repoRoot, 'screenshots', 'backups.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
