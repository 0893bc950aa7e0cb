/**
 * Taking back a mark or a note: removing a passage and trashing a note each
 * offer Undo in a toast, and a passage that notes link to is never removed.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, test } from './support/dossierServer';
import { startNote } from './support/notes';
import { selectInReader } from './support/reader';

const article = path.join(repoRoot, 'tests', 'fixtures', 'river-delta.txt');
const quote = 'selling rice, salt and dried fish';

async function openArticle(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('import-file-input').setInputFiles(article);
  await expect(page.getByTestId('reader-title')).toHaveText('Notes from the river delta');
}

async function markPassage(page: Page, text: string): Promise<void> {
  await selectInReader(page, text);
  await page.getByTestId('mark-passage').click();
  await expect(page.getByTestId('passage-item').filter({ hasText: text })).toHaveCount(1);
}

/** How many passages the reader shows highlighted. */
function highlightedPassages(page: Page): Promise<number> {
  return page.evaluate(() => CSS.highlights.get('passage')?.size ?? 0);
}

test('a removed passage comes back with Undo, reached by keyboard', async ({ page, dossier }) => {
  await openArticle(page, (await dossier.start()).url);
  await markPassage(page, quote);
  await expect.poll(() => highlightedPassages(page)).toBe(1);

  // Only this test's toast in the corner, so the Tab order below is known.
  await page.getByTestId('toast').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('toast')).toHaveCount(0);

  const remove = page.getByTestId('remove-passage');
  // The quote is direction-isolated (FSI … PDI) inside the label.
  await expect(remove).toHaveAccessibleName(`Remove passage “\u2068${quote}\u2069”`);
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('passage-item')).toHaveCount(0);
  await expect.poll(() => highlightedPassages(page)).toBe(0);
  const toast = page.getByTestId('toast').filter({ hasText: 'Passage removed' });
  await expect(toast).toBeVisible();

  // Focus was on the removed passage; the next Tab lands on Undo.
  await page.keyboard.press('Tab');
  await expect(toast.getByTestId('toast-undo')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('passage-item').filter({ hasText: quote })).toHaveCount(1);
  await expect.poll(() => highlightedPassages(page)).toBe(1);
  await expect(toast).toHaveCount(0);
});

test('a passage a note links to is not removed', async ({ page, dossier }) => {
  await openArticle(page, (await dossier.start()).url);
  await markPassage(page, quote);
  const passage = page.getByTestId('passage-item').filter({ hasText: quote });
  await passage.getByTestId('link-passage-into-note').click();
  await expect(passage.getByTestId('passage-backlink')).toHaveCount(1);

  await passage.getByTestId('remove-passage').click();
  const refusal = page.getByTestId('toast').filter({ hasText: 'linked from 1 note' });
  await expect(refusal).toHaveAttribute('data-kind', 'error');
  await expect(refusal.getByTestId('toast-undo')).toHaveCount(0);
  await expect(passage).toHaveCount(1);
  await expect.poll(() => highlightedPassages(page)).toBe(1);
});

test('a note moved to the trash comes back with its text', async ({ page, dossier }) => {
  await page.goto((await dossier.start()).url);
  await startNote(page, 'Ferry times');
  await page.keyboard.type('Leaves at dawn, back by noon.');
  // No waiting for "Saved": trashing must save the last edits first.
  await page.getByTestId('trash-note').click();

  const note = page.getByTestId('note-item').filter({ hasText: 'Ferry times' });
  await expect(note).toHaveCount(0);
  await expect(page.getByTestId('note-title')).toHaveCount(0);
  await page
    .getByTestId('toast')
    .filter({ hasText: 'Note moved to trash' })
    .getByTestId('toast-undo')
    .click();

  await expect(note).toHaveCount(1);
  await expect(page.getByTestId('note-title')).toHaveValue('Ferry times');
  await expect(page.getByTestId('note-editor')).toContainText('Leaves at dawn, back by noon.');
  await expect(note).toContainText('Leaves at dawn, back by noon.');
});
