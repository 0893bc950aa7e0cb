/**
 * "A user's note is never lost": edits typed just before the page goes away
 * are saved without waiting for the autosave delay.
 */
import { expect, test } from './support/dossierServer';
import { startNote } from './support/notes';

test('a note typed right before a reload is saved', async ({ page, dossier }) => {
  await page.goto((await dossier.start()).url);
  await startNote(page, 'Last-second thought');
  await page.keyboard.type('Typed and gone at once.');
  // No waiting for "Saved": leave immediately, inside the autosave delay.
  await page.reload();
  const note = page.getByTestId('note-item').filter({ hasText: 'Last-second thought' });
  await expect(note).toHaveCount(1);
  await note.click();
  await expect(page.getByTestId('note-editor')).toContainText('Typed and gone at once.');
});

test('switching notes saves the one being left', async ({ page, dossier }) => {
  await page.goto((await dossier.start()).url);
  await startNote(page, 'First');
  await page.keyboard.type('First body');
  await page.getByTestId('new-note').click();
  await page.getByTestId('note-title').fill('Second');
  await page.getByTestId('note-item').filter({ hasText: 'First' }).click();
  await expect(page.getByTestId('note-editor')).toContainText('First body');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // The server, not the page, holds it: a fresh page on a restarted server shows it.
  const restarted = await dossier.start();
  const fresh = await page.context().newPage();
  await fresh.goto(restarted.url);
  await fresh.getByTestId('note-item').filter({ hasText: 'First' }).click();
  await expect(fresh.getByTestId('note-editor')).toContainText('First body');
});
