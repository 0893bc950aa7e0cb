/**
 * Notebook → Backups… → Restore…: an older backup put back while `dossier
 * serve` runs; the window reloads on the restored notebook, and the notebook
 * it replaced is listed as a backup of its own.
 */
import path from 'node:path';
import { callApi } from './support/api';
import { expect, repoRoot, test } from './support/dossierServer';

test('Restore… puts an older backup back after asking, and the window reloads on it', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  await callApi(running, 'createNote', { title: 'Harbour cranes', text: 'Idle since May.' });
  await callApi(running, 'backUpNow', {});
  await callApi(running, 'createNote', {
    title: 'Ferry strike',
    text: 'Written after the backup.',
  });
  await page.goto(running.url);
  const notes = page.getByTestId('note-item');
  await expect(notes).toHaveCount(2);

  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette-input').fill('backups');
  await page.keyboard.press('Enter');
  const backups = page.getByTestId('backups-dialog');
  const rows = backups.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  await page.screenshot({ path: path.join(repoRoot, 'screenshots', 'restore-backup-list.png') });
  await rows.first().getByTestId('restore-backup').click();

  const confirmation = page.getByTestId('restore-backup-dialog');
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toContainText('is backed up first');
  await page.screenshot({ path: path.join(repoRoot, 'screenshots', 'restore-backup.png') });

  // Marks this page so that its reload can be seen.
  await page.evaluate(() => Object.assign(window, { beforeRestore: true }));
  await confirmation.getByTestId('restore-backup-confirm').click();
  await page.waitForFunction(() => !('beforeRestore' in window));

  await expect(notes).toHaveCount(1);
  await expect(notes.first()).toContainText('Harbour cranes');
  const listed = await callApi<Array<{ title: string }>>(running, 'listNotes', {});
  expect(listed.body.value?.map((note) => note.title)).toEqual(['Harbour cranes']);

  // The notebook it replaced (with the later note) is the newest backup.
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-palette-input').fill('backups');
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Before a restore');
  await expect(rows.first()).toContainText('Verified');
});
