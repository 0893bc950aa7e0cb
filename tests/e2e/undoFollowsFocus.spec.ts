/**
 * Undo follows focus: Ctrl+Z in the note editor undoes the note's typing;
 * anywhere else it takes back the last library action, never the note's text.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, test } from './support/dossierServer';
import { startNote } from './support/notes';
import { selectInReader } from './support/reader';

const article = path.join(repoRoot, 'tests', 'fixtures', 'river-delta.txt');
const quote = 'selling rice, salt and dried fish';

/** Puts the keys in the reader's text, as a click there while reading would. */
async function clickInReader(page: Page): Promise<void> {
  await page.getByTestId('reader-title').click();
}

test('Ctrl+Z outside the note undoes library actions in turn and never the note text', async ({
  page,
  dossier,
}) => {
  await page.goto((await dossier.start()).url);
  await page.getByTestId('import-file-input').setInputFiles(article);
  await expect(page.getByTestId('reader-title')).toHaveText('Notes from the river delta');

  const editor = await startNote(page, 'Delta notes');
  await page.keyboard.type('Typed in the note.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // Nothing done in the library yet: the note keeps its text.
  await clickInReader(page);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('toast').filter({ hasText: 'Nothing to undo' })).toBeVisible();
  await expect(editor).toHaveText('Typed in the note.');

  // Mark, tag, then remove the passage: Ctrl+Z brings the passage back, then takes the tags, then the mark.
  await selectInReader(page, quote);
  await page.getByTestId('mark-passage').click();
  const passages = page.getByTestId('passage-item');
  await expect(passages).toHaveCount(1);
  const tags = page.getByRole('group', { name: 'Article tags' }).getByTestId('tag-chip');
  const tagInput = page.getByRole('group', { name: 'Article tags' }).getByTestId('tag-input');
  await tagInput.fill('rivers');
  await tagInput.press('Enter');
  await expect(tags).toHaveText(['rivers']);
  await page.getByTestId('remove-passage').click();
  await expect(passages).toHaveCount(0);

  await clickInReader(page);
  await page.keyboard.press('Control+z');
  await expect(passages).toHaveCount(1);
  await expect(
    page.getByTestId('toast').filter({ hasText: 'Undone: Passage removed' }),
  ).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(tags).toHaveCount(0);
  // Then the mark itself.
  await page.keyboard.press('Control+z');
  await expect(passages).toHaveCount(0);
  await expect(editor).toHaveText('Typed in the note.');

  // In the editor, Ctrl+Z is the note's own.
  await editor.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' More');
  await expect(editor).toHaveText('Typed in the note. More');
  await page.keyboard.press('Control+z');
  await expect(editor).toHaveText('Typed in the note.');
  await expect(passages).toHaveCount(0);
});
