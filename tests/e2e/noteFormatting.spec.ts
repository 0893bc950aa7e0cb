/**
 * Rich-text notes: the formatting toolbar and the Markdown-style shortcuts
 * make headings, lists, quotes and bold text that survive a reload, and
 * passage links still go where the cursor is inside them.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, test } from './support/dossierServer';
import { startNote } from './support/notes';

async function reopenNote(page: Page, title: string) {
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.reload();
  await page.getByTestId('note-item').filter({ hasText: title }).click();
  return page.getByTestId('note-editor');
}

test('toolbar formatting is shown on the buttons and kept after a reload', async ({
  page,
  dossier,
}) => {
  const { url } = await dossier.start();
  await page.goto(url);
  await page.getByTestId('new-note').click();
  await page.getByTestId('note-title').fill('Formatted');
  const editor = page.getByTestId('note-editor');
  const button = (name: string) => page.getByTestId(`format-${name}`);

  // Straight from the title: the button puts the cursor in the note and keeps it there.
  await button('heading').click();
  await expect(editor).toBeFocused();
  await page.keyboard.type('Findings');
  await expect(button('heading')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(button('heading')).toHaveAttribute('aria-pressed', 'false');

  await button('bullet-list').click();
  await page.keyboard.type('First point');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second point');
  await expect(button('bullet-list')).toHaveAttribute('aria-pressed', 'true');
  // Enter on an empty item leaves the list.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(button('bullet-list')).toHaveAttribute('aria-pressed', 'false');

  await button('bold').click();
  await page.keyboard.type('Bold claim');
  await expect(button('bold')).toHaveAttribute('aria-pressed', 'true');
  await button('bold').click();
  await page.keyboard.type(', plain reason.');
  await expect(button('bold')).toHaveAttribute('aria-pressed', 'false');

  const reopened = await reopenNote(page, 'Formatted');
  await expect(reopened.locator('h2')).toHaveText('Findings');
  await expect(reopened.locator('ul > li')).toHaveText(['First point', 'Second point']);
  await expect(reopened.locator('strong')).toHaveText('Bold claim');
  await expect(reopened.locator('p').last()).toHaveText('Bold claim, plain reason.');
});

test('Markdown shortcuts, undo and redo', async ({ page, dossier }) => {
  const { url } = await dossier.start();
  await page.goto(url);
  const editor = await startNote(page, 'Shortcuts');

  await page.keyboard.type('## Plan');
  await page.keyboard.press('Enter');
  await page.keyboard.type('1. Read');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Mark');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('> Quoted');
  await expect(editor.locator('h2')).toHaveText('Plan');
  await expect(editor.locator('ol > li')).toHaveText(['Read', 'Mark']);
  await expect(editor.locator('blockquote')).toHaveText('Quoted');

  // Undo brings the typed marker back as text; redo makes it a quote again.
  const undo = page.getByTestId('format-undo');
  const redo = page.getByTestId('format-redo');
  await expect(redo).toHaveAttribute('aria-disabled', 'true');
  await page.getByTestId('format-quote').click();
  await expect(editor.locator('blockquote')).toHaveCount(0);
  await undo.click();
  await expect(editor.locator('blockquote')).toHaveText('Quoted');
  await expect(redo).not.toHaveAttribute('aria-disabled');
  await redo.click();
  await expect(editor.locator('blockquote')).toHaveCount(0);
  await expect(editor).toBeFocused();
});

test('the toolbar is one Tab stop, used with arrow keys, Enter and Escape', async ({
  page,
  dossier,
}) => {
  const { url } = await dossier.start();
  await page.goto(url);
  const editor = await startNote(page, 'Keyboard');
  await page.keyboard.type('Some words');
  const button = (name: string) => page.getByTestId(`format-${name}`);

  // The toolbar sits right before the text in the Tab order; Escape goes back.
  await page.keyboard.press('Shift+Tab');
  await expect(button('bold')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor).toBeFocused();

  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('End');
  await expect(button('redo')).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(button('italic')).toBeFocused();
  // Pressing a button from the keyboard applies it and puts the cursor back in the text.
  await page.keyboard.press('Enter');
  await expect(button('italic')).toHaveAttribute('aria-pressed', 'true');
  await expect(editor).toBeFocused();
  await page.keyboard.type(' in italics');
  await expect(editor.locator('em')).toHaveText(' in italics');
  // Back to the toolbar: Tab lands on the button last used.
  await page.keyboard.press('Shift+Tab');
  await expect(button('italic')).toBeFocused();
});

test('a passage link goes where the cursor is, inside a list item and a heading', async ({
  page,
  dossier,
}, testInfo) => {
  const quote = 'The river rose two metres overnight.';
  const article = testInfo.outputPath('flood.txt');
  writeFileSync(article, `Flood report\n\n${quote} Residents moved to higher ground.\n`);
  const cli = (...args: string[]) =>
    execFileSync(
      process.execPath,
      [path.join(repoRoot, 'bin/dossier.cjs'), '--db', dossier.databaseFile, ...args, '--json'],
      { encoding: 'utf8' },
    );
  const [{ sourceId }] = JSON.parse(cli('import', article)) as [{ sourceId: string }];
  const { passageId } = JSON.parse(cli('mark', sourceId, '--quote', quote)) as {
    passageId: string;
  };

  const { url } = await dossier.start();
  await page.goto(url);
  await page.getByTestId('source-item').filter({ hasText: 'Flood report' }).click();
  const linkButton = page.getByTestId('link-passage-into-note');
  const editor = await startNote(page, 'Linked');

  await page.getByTestId('format-heading').click();
  await page.keyboard.type('Evidence: ');
  await linkButton.click();
  await expect(editor).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByTestId('format-bullet-list').click();
  await page.keyboard.type('Seen in ');
  await linkButton.click();

  const link = `a.passage-link[data-passage-id="${passageId}"]`;
  await expect(editor.locator(`h2 ${link}`)).toHaveText(quote);
  await expect(editor.locator(`li ${link}`)).toHaveText(quote);

  const reopened = await reopenNote(page, 'Linked');
  await expect(reopened.locator('h2')).toHaveText(`Evidence: ${quote}`);
  await expect(reopened.locator('li')).toHaveText(`Seen in ${quote}`);
  await page.getByTestId('source-item').filter({ hasText: 'Flood report' }).click();
  await expect(page.getByTestId('passage-backlink')).toHaveText('Linked');
});
