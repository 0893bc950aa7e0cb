/**
 * Links between notes: `[[` offers note titles (or a new note), the link opens
 * its note, each note lists what links to it and what it cites, and renaming
 * a note renames the links that read as its title.
 */
import path from 'node:path';
import { callApi } from './support/api';
import { expect, repoRoot, test } from './support/dossierServer';
import { startNote } from './support/notes';

test('[[ links a note by its title from the keyboard, and the other note lists the link', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  await callApi(running, 'createNote', { title: 'Harbour of Aden', text: 'Cranes idle.' });
  await callApi(running, 'createNote', { title: 'Ferry timetable', text: 'Dawn sailings.' });
  await page.goto(running.url);

  const editor = await startNote(page, 'Weekly summary');
  await page.keyboard.type('See [[aden');
  const menu = page.getByTestId('note-link-menu');
  await expect(menu.getByRole('option')).toHaveText(['Harbour of Aden', 'New note: aden']);
  // Screen readers follow the highlighted choice from the editor.
  await expect(editor).toHaveAttribute('aria-activedescendant', 'typeahead-item-0');
  await expect(page.locator('#typeahead-item-0')).toHaveText('Harbour of Aden');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  const link = editor.locator('.linked-note');
  await expect(link).toHaveText('Harbour of Aden');
  await page.keyboard.type(' for the cranes.');
  await expect(editor).toContainText('See Harbour of Aden for the cranes.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(page.getByTestId('note-links-to')).toHaveText('Harbour of Aden');

  // The link opens its note, which lists the note that links to it.
  await link.click();
  await expect(page.getByTestId('note-title')).toHaveValue('Harbour of Aden');
  const linkedFrom = page.getByTestId('note-linked-from');
  await expect(linkedFrom).toHaveText('Weekly summary');
  await page.screenshot({ path: path.join(repoRoot, 'screenshots', 'note-backlinks.png') });

  // Renaming it renames the link in the other note.
  await page.getByTestId('note-title').fill('Port of Aden');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await linkedFrom.getByRole('button', { name: 'Weekly summary' }).click();
  await expect(page.getByTestId('note-title')).toHaveValue('Weekly summary');
  await expect(page.getByTestId('note-editor').locator('.linked-note')).toHaveText('Port of Aden');
});

test('[[ with a new title creates that note and links it; Escape leaves the typed text', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  await page.goto(running.url);

  const editor = await startNote(page, 'Leads');
  await page.keyboard.type('Follow [[Shipping registry');
  const options = page.getByTestId('note-link-menu').getByRole('option');
  await expect(options).toHaveText(['New note: Shipping registry']);
  await page.keyboard.press('Enter');
  await expect(editor.locator('.linked-note')).toHaveText('Shipping registry');
  await expect(page.getByTestId('note-item').filter({ hasText: 'Shipping registry' })).toHaveCount(
    1,
  );

  await page.keyboard.type(' and [[zzz');
  await expect(options).toHaveText(['New note: zzz']);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('note-link-menu')).toBeHidden();
  await expect(editor).toContainText('and [[zzz');
  await expect(editor.locator('.linked-note')).toHaveCount(1);
});

test('a note lists the sources and passages it cites, in order, and a trashed note link shows as missing', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  const mark = async (text: string, quote: string) => {
    const { sourceId } = (await callApi<{ sourceId: string }>(running, 'importText', { text })).body
      .value!;
    const { passageId } = (
      await callApi<{ passageId: string }>(running, 'markPassage', { sourceId, quote })
    ).body.value!;
    return passageId;
  };
  const idle = await mark('Port notes\n\nCranes stood idle all week.', 'stood idle');
  const dawn = await mark('Ferry report\n\nThe ferry left at dawn.', 'left at dawn');
  const target = (
    await callApi<{ noteId: string }>(running, 'createNote', { title: 'Old lead', text: '' })
  ).body.value!.noteId;
  await callApi(running, 'createNote', {
    title: 'Findings',
    text: 'Evidence:',
    passageIds: [dawn, idle],
  });
  await page.goto(running.url);
  await page.getByTestId('note-item').filter({ hasText: 'Findings' }).click();

  const cites = page.getByTestId('note-cites');
  await expect(cites.locator(':scope > li')).toHaveText([
    /Ferry report.*left at dawn/,
    /Port notes.*stood idle/,
  ]);
  await cites.getByRole('button', { name: /stood idle/ }).click();
  await expect(page.getByTestId('passage-item').filter({ hasText: 'stood idle' })).toHaveClass(
    /is-focused/,
  );

  // Link the other note, then move it to the trash: the link stays, drawn as missing.
  await page.getByTestId('note-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' [[Old');
  // The choices come from a query: Enter before they arrive would type a line break.
  const options = page.getByTestId('note-link-menu').getByRole('option');
  await expect(options.first()).toHaveText('Old lead');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('note-editor').locator('.linked-note')).toHaveText('Old lead');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await callApi(running, 'deleteNote', { noteId: target });
  await expect(page.getByTestId('note-editor').locator('.linked-note')).toHaveClass(/is-missing/);
  await expect(page.getByTestId('note-links-to')).toContainText('(in the trash)');
});
