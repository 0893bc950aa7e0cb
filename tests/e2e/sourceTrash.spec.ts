/**
 * An article goes to the trash from the reader and comes back; a note that
 * cites it says so; emptying the trash keeps it while the note cites it.
 */
import path from 'node:path';
import { callApi } from './support/api';
import { expect, repoRoot, test } from './support/dossierServer';

async function value<T>(running: Parameters<typeof callApi>[0], method: string, args: unknown) {
  const reply = await callApi<T>(running, method, args);
  expect(reply.body.ok).toBe(true);
  return reply.body.value as T;
}

test('an article moved to the trash leaves the library, its citing note says so, and it is restored or kept', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  const { sourceId } = await value<{ sourceId: string }>(running, 'importText', {
    text: 'Harbour report\n\nThe ferry to Bandar Abbas left at dawn with rice and salt.',
  });
  const { passageId } = await value<{ passageId: string }>(running, 'markPassage', {
    sourceId,
    quote: 'ferry to Bandar Abbas',
  });
  await value(running, 'createNote', { title: 'Shipping claims', passageIds: [passageId] });
  await value(running, 'importText', { text: 'Uncited article\n\nNothing links to this text.' });

  await page.goto(running.url);
  const library = page.getByTestId('source-item');
  await expect(library).toHaveCount(2);
  await library.filter({ hasText: 'Harbour report' }).click();
  await page.getByTestId('trash-source-button').click();
  await expect(library).toHaveCount(1);
  await expect(page.getByTestId('source-in-trash')).toContainText('in the trash');

  // The note's link says its article is in the trash, and still opens it.
  await page.getByTestId('note-item').filter({ hasText: 'Shipping claims' }).click();
  const link = page.getByTestId('note-editor').locator('.passage-link');
  await expect(link).toHaveAttribute('data-passage-status', 'inTrash');
  await link.click();
  await expect(page.getByTestId('source-in-trash')).toBeVisible();

  // Emptying the trash keeps a cited article, and says why.
  await library.filter({ hasText: 'Uncited article' }).click();
  await page.getByTestId('trash-source-button').click();
  await page.getByText('Notebook', { exact: true }).click();
  await page.getByTestId('open-trash').click();
  const items = page.getByTestId('trash-item');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('Article · moved to the trash');
  await page.screenshot({
    path: path.join(repoRoot, 'test-results', 'screens', 'trash-sources.png'),
  });
  await page.getByTestId('trash-empty-button').click();
  await page.getByTestId('trash-empty-confirm').click();
  await expect(page.getByTestId('trash-emptied')).toContainText(
    'Deleted for good: 1 article and 0 notes.',
  );
  await expect(page.getByTestId('trash-emptied')).toContainText('Harbour report stays');
  await expect(items).toHaveCount(1);

  await items.getByTestId('trash-restore').click();
  await expect(page.getByTestId('trash-empty')).toBeVisible();
  await page.getByTestId('trash-dialog').getByRole('button', { name: 'Close' }).click();
  await expect(library).toHaveCount(1);
  await expect(page.getByTestId('source-in-trash')).toHaveCount(0);
  await expect(link).not.toHaveAttribute('data-passage-status', 'inTrash');
});
