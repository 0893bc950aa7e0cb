/** A note's history: earlier versions listed with their time, previewed, restored, and the restore undone. */
import { callApi } from './support/api';
import { expect, test } from './support/dossierServer';

test('an earlier version of a note is previewed and restored, and Ctrl+Z in the note takes the restore back', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  await callApi(running, 'createNote', { title: 'Ferry times', text: 'Leaves at dawn.' });
  await page.goto(running.url);
  await page.getByTestId('note-item').first().click();
  const editor = page.getByTestId('note-editor');
  await expect(editor).toHaveText('Leaves at dawn.');

  await page.getByTestId('note-history-button').click();
  await expect(page.getByTestId('note-history-empty')).toBeVisible();
  await page.getByTestId('note-history-dialog').getByRole('button', { name: 'Close' }).click();

  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Back by noon.');
  // Leaving the text keeps it in the history.
  await page.getByTestId('note-title').click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.getByTestId('note-history-button').click();
  const items = page.getByTestId('note-history-item');
  await expect(items).toHaveCount(2);
  await items.last().click();
  await expect(page.getByTestId('note-history-preview')).toHaveText('Leaves at dawn.');
  await page.getByTestId('note-history-restore').click();
  await expect(page.getByTestId('note-history-dialog')).toBeHidden();
  await expect(editor).toHaveText('Leaves at dawn.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await editor.click();
  await page.keyboard.press('Control+z');
  await expect(editor).toHaveText('Leaves at dawn. Back by noon.');
});
