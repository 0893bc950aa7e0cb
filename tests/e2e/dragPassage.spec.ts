/**
 * Dragging into the note: a passage from the side panel becomes a link where
 * it is dropped; words selected in the reader are marked as a passage first.
 * With no note open, a drop changes nothing.
 */
import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import { expect, test, type RunningDossier } from './support/dossierServer';
import { startNote } from './support/notes';
import { selectInReader } from './support/reader';

const text = [
  'Harbour report',
  'The ferry to Bandar Abbas left at dawn with forty passengers aboard.',
  'Traders on the quay sold rice and salt until the evening call to prayer.',
].join('\n\n');

async function articleWithPassage(running: RunningDossier): Promise<string> {
  const imported = await callApi<{ sourceId: string }>(running, 'importText', { text });
  const sourceId = imported.body.value!.sourceId;
  const marked = await callApi<{ passageId: string }>(running, 'markPassage', {
    sourceId,
    quote: 'ferry to Bandar Abbas',
  });
  return marked.body.value!.passageId;
}

function passageItem(page: Page, passageId: string) {
  return page.locator(`[data-testid="passage-item"][data-passage-id="${passageId}"]`);
}

test('a passage dragged from the side panel into the note becomes a link that opens it', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  const passageId = await articleWithPassage(running);
  await page.goto(running.url);
  await page.getByTestId('source-item').first().click();

  const editor = await startNote(page, 'Ferry notes');
  await page.keyboard.type('Departure: ');
  const paragraph = editor.locator('p').first();
  const box = (await paragraph.boundingBox())!;
  await page.dragAndDrop(
    `[data-testid="passage-item"][data-passage-id="${passageId}"] .passage-quote`,
    '[data-testid="note-editor"] p',
    // Just right of the typed words.
    { targetPosition: { x: box.width - 2, y: box.height / 2 } },
  );

  const link = editor.locator(`a.passage-link[data-passage-id="${passageId}"]`);
  await expect(link).toHaveText('ferry to Bandar Abbas');
  // Dropped in the paragraph, after the words, not as the plain text of the drag.
  await expect(paragraph).toHaveText('Departure: ferry to Bandar Abbas');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(passageItem(page, passageId).getByTestId('passage-backlink')).toHaveText(
    'Ferry notes',
  );

  await page.getByTestId('source-item').first().click();
  await link.click();
  await expect(passageItem(page, passageId)).toHaveClass(/is-focused/);
});

test('words dragged from the reader into the note are marked as a passage and linked', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  await articleWithPassage(running);
  await page.goto(running.url);
  await page.getByTestId('source-item').first().click();
  const editor = await startNote(page, 'Market notes');
  await page.keyboard.type('At the quay: ');

  await selectInReader(page, 'sold rice and salt');
  // Dispatched with a real DataTransfer: from the selected words to the note's paragraph.
  const selected = page.getByTestId('reader-text').getByText(/sold rice and salt/);
  const transfer = await page.evaluateHandle(() => new DataTransfer());
  await selected.dispatchEvent('dragstart', { dataTransfer: transfer });
  const target = editor.locator('p').first();
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });

  const passage = page.getByTestId('passage-item').filter({ hasText: 'sold rice and salt' });
  await expect(passage).toHaveCount(1);
  const passageId = (await passage.getAttribute('data-passage-id'))!;
  await expect(editor.locator(`a.passage-link[data-passage-id="${passageId}"]`)).toHaveText(
    'sold rice and salt',
  );
  await expect(passage.getByTestId('passage-backlink')).toHaveText('Market notes');
});

test('a passage dropped where no note is open changes nothing', async ({ page, dossier }) => {
  const running = await dossier.start();
  const passageId = await articleWithPassage(running);
  await page.goto(running.url);
  await page.getByTestId('source-item').first().click();

  const emptyNote = page.getByText('Open a note, or start one with “New note”.');
  await expect(emptyNote).toBeVisible();
  await page.dragAndDrop(
    `[data-testid="passage-item"][data-passage-id="${passageId}"] .passage-quote`,
    'text=Open a note, or start one with “New note”.',
  );
  await expect(emptyNote).toBeVisible();
  await expect(page.getByTestId('note-item')).toHaveCount(0);
  await expect(page.locator('.toast')).toHaveCount(0);
  const notes = await callApi<unknown[]>(running, 'listNotes', {});
  expect(notes.body.value).toEqual([]);
});
