/** The command palette (Ctrl+K) and walking back and forward between articles and notes. */
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, test } from './support/dossierServer';
import { startNote } from './support/notes';
import { selectInReader } from './support/reader';

const newsPage = path.join(repoRoot, 'tests', 'fixtures', 'web', 'english-news.html');
const riverNotes = path.join(repoRoot, 'tests', 'fixtures', 'river-delta.txt');
const quayTitle = 'Northern quay to close for repairs after storms';
const riverTitle = 'Notes from the river delta';
const persianNote = 'یادداشت‌های سفر به بندر';

async function openTwoArticlesAndANote(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('import-file-input').setInputFiles([newsPage, riverNotes]);
  for (const title of [quayTitle, riverTitle]) {
    await page.getByTestId('source-item').filter({ hasText: title }).click();
    await expect(page.getByTestId('reader-title')).toHaveText(title);
  }
  await startNote(page, persianNote);
  await expect(page.getByTestId('note-item').filter({ hasText: persianNote })).toHaveCount(1);
}

const palette = (page: Page) => page.getByTestId('command-palette');
const option = (page: Page, label: string | RegExp) =>
  palette(page).getByRole('option').filter({ hasText: label });
/** A title as the palette quotes it, its direction isolated. */
const quoted = (title: string) => `“\u2068${title}\u2069”`;

async function runFromPalette(page: Page, words: string) {
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await page.getByTestId('command-palette-input').fill(words);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
}

test('Ctrl+K lists every action with its shortcut, filters as one types, runs with Enter and closes with Esc', async ({
  page,
  dossier,
}) => {
  await openTwoArticlesAndANote(page, (await dossier.start()).url);
  const newNoteButton = page.getByTestId('new-note');
  await newNoteButton.focus();

  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  const input = palette(page).getByRole('combobox');
  await expect(input).toBeFocused();
  for (const heading of ['Note editor', 'Library', 'Navigation', 'Notebook', 'Layout']) {
    await expect(palette(page).getByText(heading, { exact: true })).toBeVisible();
  }
  const withShortcuts: Record<string, string> = {
    'New note': 'Ctrl+Alt+N',
    Search: '/',
    'Go back': 'Alt+←',
    'Show or hide the library': 'Ctrl+Alt+B',
    'Show or hide the passages and note': 'Ctrl+Alt+P',
    'Focus mode: the article alone': 'Ctrl+Alt+F',
  };
  for (const [label, keys] of Object.entries(withShortcuts)) {
    await expect(option(page, label).first().locator('kbd')).toHaveText(keys);
  }
  for (const label of ['Trash…', 'Back up…', 'Edit details… of the open article']) {
    await expect(option(page, label)).toHaveCount(1);
  }
  await expect(option(page, `Open ${quoted(quayTitle)}`)).toHaveCount(1);
  await expect(option(page, `Open ${quoted(persianNote)}`)).toHaveCount(1);
  // The active option is announced through the combobox.
  const activeId = await input.getAttribute('aria-activedescendant');
  await expect(page.locator(`[id="${activeId}"]`)).toHaveAttribute('aria-selected', 'true');

  const violations = (await new AxeBuilder({ page }).analyze()).violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
    );
  expect(violations).toEqual([]);
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'palette-english.png') });

  // Words in any order, without their accents or case.
  await input.fill('NOTE new');
  await expect(palette(page).getByRole('option').first()).toContainText('New note');
  await input.fill('قلمرو'); // no command has it: offered as a search
  await expect(palette(page).getByRole('option')).toHaveText([`Search for ${quoted('قلمرو')}/`]);
  await input.fill('بندر سفر');
  await expect(palette(page).getByRole('option').first()).toContainText(
    `Open ${quoted(persianNote)}`,
  );
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'palette-persian.png') });

  // Esc closes and gives the focus back.
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(newNoteButton).toBeFocused();

  // Arrows and Enter: open the quay article from the recent ones.
  await page.keyboard.press('Control+k');
  await palette(page).getByRole('combobox').fill('open quay');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader-title')).toHaveText(quayTitle);

  const notes = page.getByTestId('note-item');
  const noteCount = await notes.count();
  await runFromPalette(page, 'new note');
  await expect(notes).toHaveCount(noteCount + 1);
  await expect(page.getByTestId('note-title')).toBeFocused();

  await runFromPalette(page, 'library hide');
  await expect(page.getByTestId('toggle-library')).toHaveAttribute('aria-expanded', 'false');
  await runFromPalette(page, 'library show');
  await expect(page.getByTestId('toggle-library')).toHaveAttribute('aria-expanded', 'true');
  await runFromPalette(page, 'focus mode');
  await expect(page.getByTestId('focus-mode')).toHaveAttribute('aria-pressed', 'true');
  await runFromPalette(page, 'leave focus');
  await expect(page.getByTestId('focus-mode')).toHaveAttribute('aria-pressed', 'false');

  await runFromPalette(page, 'harbour');
  await expect(page.getByTestId('search-input')).toHaveValue('harbour');
  await expect(page.getByTestId('search-input')).toBeFocused();

  // "/" alone still goes to the search box.
  await page.getByTestId('search-input').fill('');
  await page.locator('body').press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
});

test('Alt+Left / Alt+Right and the mouse side buttons walk back and forward between articles and a note', async ({
  page,
  dossier,
}) => {
  await openTwoArticlesAndANote(page, (await dossier.start()).url);
  const title = page.getByTestId('reader-title');
  const openNote = page.getByTestId('note-title');
  await expect(openNote).toHaveValue(persianNote);
  // In a text field Alt+arrows belong to the field.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  await page.locator('body').press('Alt+ArrowLeft');
  await expect(openNote).toHaveCount(0);
  await expect(title).toHaveText(riverTitle);
  await page.locator('body').press('Alt+ArrowLeft');
  await expect(title).toHaveText(quayTitle);
  await page.locator('body').press('Alt+ArrowRight');
  await expect(title).toHaveText(riverTitle);

  const mouseButton = (button: number) =>
    page.evaluate((pressed) => {
      window.dispatchEvent(new MouseEvent('mouseup', { button: pressed, bubbles: true }));
    }, button);
  await mouseButton(4);
  await expect(openNote).toHaveValue(persianNote);
  await expect(title).toHaveText(riverTitle);
  await mouseButton(3);
  await expect(openNote).toHaveCount(0);
  await mouseButton(3);
  await expect(title).toHaveText(quayTitle);

  // The palette goes forward too, and a new place drops what lay ahead.
  await runFromPalette(page, 'go forward');
  await expect(title).toHaveText(riverTitle);
  await page.getByTestId('source-item').filter({ hasText: quayTitle }).click();
  await page.keyboard.press('Control+k');
  await expect(option(page, 'Go back')).toHaveCount(1);
  await expect(option(page, 'Go forward')).toHaveCount(0);
});

test('the palette marks the words selected in the reader and quotes the shown passage into the note', async ({
  page,
  dossier,
}) => {
  await page.goto((await dossier.start()).url);
  await page.getByTestId('import-file-input').setInputFiles(riverNotes);
  await page.getByTestId('source-item').filter({ hasText: riverTitle }).click();
  const words = 'selling rice, salt and dried fish';
  await selectInReader(page, words);

  await page.keyboard.press('Control+k');
  await expect(option(page, 'Mark the selected text as a passage').locator('kbd')).toHaveText('M');
  await page.getByTestId('command-palette-input').fill('mark');
  await page.keyboard.press('Enter');
  const passage = page.getByTestId('passage-item').filter({ hasText: words });
  await expect(passage).toHaveCount(1);

  await passage.click();
  await runFromPalette(page, 'quote note');
  await expect(page.getByTestId('note-editor').locator('blockquote')).toContainText(words);
  await expect(page.getByTestId('note-editor')).toContainText(riverTitle);
});
