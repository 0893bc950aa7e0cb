/**
 * "Quote in note" from the reader's selection: the words as a block quote in
 * the note, closed by their citation, which links to the passage.
 */
import path from 'node:path';
import { callApi } from './support/api';
import { expect, repoRoot, test } from './support/dossierServer';
import { selectInReader } from './support/reader';

test('the selection toolbar quotes words with their citation into a new note, then into the open one', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  const imported = await callApi<{ sourceId: string }>(running, 'importText', {
    text: 'Harbour report\n\nThe ferry to Bandar Abbas left at dawn.\n\nTraders sold rice and salt.',
  });
  await callApi(running, 'editSource', {
    sourceId: imported.body.value!.sourceId,
    siteName: 'Port Weekly',
  });
  await page.goto(running.url);
  await page.getByTestId('source-item').first().click();

  await selectInReader(page, 'ferry to Bandar Abbas');
  await page.getByTestId('selection-quote').click();
  const editor = page.getByTestId('note-editor');
  const quotes = editor.locator('blockquote');
  await expect(quotes).toHaveCount(1);
  await expect(quotes.first()).toContainText('ferry to Bandar Abbas');
  const citation = quotes.first().locator('.passage-link');
  await expect(citation).toHaveText('Harbour report, Port Weekly');
  await expect(page.getByTestId('note-title')).toHaveValue('Harbour report');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  // The note cites the passage: it is its backlink.
  await expect(page.getByTestId('passage-backlink')).toHaveText('Harbour report');

  await selectInReader(page, 'rice and salt');
  await page.getByTestId('selection-quote').click();
  await expect(quotes).toHaveCount(2);
  await expect(quotes.nth(1)).toContainText('rice and salt');
  await expect(page.getByTestId('passage-backlink')).toHaveCount(2);
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'screens', 'quote-note.png') });

  // The citation opens the passage it cites.
  await citation.click();
  await expect(page.getByTestId('passage-item').filter({ hasText: 'ferry' })).toHaveClass(
    /is-focused/,
  );
});

test('Q quotes and L links the selected words from the keyboard; a new note starts with the quote', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  await callApi(running, 'importText', {
    text: 'Harbour report\n\nThe ferry to Bandar Abbas left at dawn.\n\nTraders sold rice and salt.',
  });
  await page.goto(running.url);
  await page.getByTestId('source-item').first().click();

  await selectInReader(page, 'ferry to Bandar Abbas');
  await page.keyboard.press('q');
  const editor = page.getByTestId('note-editor');
  await expect(editor.locator('blockquote')).toHaveCount(1);
  // No empty line above the quote in the new note.
  await expect(editor.locator(':scope > *').first()).toHaveJSProperty('tagName', 'BLOCKQUOTE');

  // As a drag with the mouse does, the article takes the focus back from the note.
  await page.getByTestId('reader-text').focus();
  await selectInReader(page, 'rice and salt');
  await page.keyboard.press('l');
  await expect(editor.locator('.passage-link')).toHaveText(['Harbour report', 'rice and salt']);
  await expect(page.getByTestId('passage-item')).toHaveCount(2);

  // The context menu on selected words is the selection toolbar, focused.
  await page.getByTestId('reader-text').focus();
  await selectInReader(page, 'Traders sold');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selection-quote')).toBeHidden();
  await page.getByTestId('reader-text').dispatchEvent('contextmenu');
  await expect(page.getByTestId('selection-quote')).toBeVisible();
  await expect(page.locator('.selection-toolbar :focus')).toHaveCount(1);

  // Too short to be a passage: the toast says why, nothing is quoted.
  await page.getByTestId('reader-text').focus();
  await selectInReader(page, 'at');
  await page.keyboard.press('q');
  await expect(page.getByTestId('toast').filter({ hasText: /at least/ })).toBeVisible();
  await expect(editor.locator('blockquote')).toHaveCount(1);
});
