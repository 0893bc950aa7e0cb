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
