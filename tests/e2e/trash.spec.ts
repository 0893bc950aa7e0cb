/** The trash is reachable after the Undo toast has gone: a trashed note is listed and restored with its text. */
import path from 'node:path';
import { expect, repoRoot, test } from './support/dossierServer';
import { startNote } from './support/notes';

test('a note in the trash is listed in Notebook → Trash and restored from there with its text', async ({
  page,
  dossier,
}) => {
  await page.goto((await dossier.start()).url);
  await page.getByText('Notebook', { exact: true }).click();
  await page.getByTestId('open-trash').click();
  await expect(page.getByTestId('trash-empty')).toBeVisible();
  await page.keyboard.press('Escape');

  await startNote(page, 'Ferry times');
  await page.keyboard.type('Leaves at dawn, back by noon.');
  await page.getByTestId('trash-note').click();
  const note = page.getByTestId('note-item').filter({ hasText: 'Ferry times' });
  await expect(note).toHaveCount(0);

  await page.getByText('Notebook', { exact: true }).click();
  await page.getByTestId('open-trash').click();
  const item = page.getByTestId('trash-item').filter({ hasText: 'Ferry times' });
  await expect(item).toContainText('moved to the trash');
  await page.screenshot({ path: path.join(repoRoot, 'screenshots', 'trash.png') });
  await item.getByTestId('trash-restore').click();
  await expect(page.getByTestId('trash-empty')).toBeVisible();
  await page.getByTestId('trash-dialog').getByRole('button', { name: 'Close' }).click();

  await expect(note).toHaveCount(1);
  await note.click();
  await expect(page.getByTestId('note-editor')).toContainText('Leaves at dawn, back by noon.');
});
