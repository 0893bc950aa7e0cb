/** Tagging an article and a note: chips saved as they are typed, kept across a reload, found by tag:. */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, repoRoot, test } from './support/dossierServer';
import { startNote } from './support/notes';

const article = path.join(repoRoot, 'tests', 'fixtures', 'river-delta.txt');

function tagEditor(page: Page, name: 'Article tags' | 'Note tags'): Locator {
  return page.getByRole('group', { name });
}

test('tags on an article and a note survive a reload and are found by tag:', async ({
  page,
  dossier,
}) => {
  await page.goto((await dossier.start()).url);
  await page.getByTestId('import-file-input').setInputFiles(article);
  await expect(page.getByTestId('reader-title')).toHaveText('Notes from the river delta');

  const articleTags = tagEditor(page, 'Article tags');
  const articleInput = articleTags.getByTestId('tag-input');
  await articleInput.fill('rivers');
  await articleInput.press('Enter');
  // A comma ends a tag too; the same tag in another case is not added twice.
  await articleInput.pressSequentially('دلتا,RIVERS,Boats,');
  await expect(articleTags.getByTestId('tag-chip')).toHaveText(['Boats', 'rivers', 'دلتا']);
  await articleTags.getByRole('button', { name: 'Remove tag “\u2068Boats\u2069”' }).click();
  await expect(articleTags.getByTestId('tag-chip')).toHaveText(['rivers', 'دلتا']);
  await expect(articleInput).toHaveValue('');
  // Saved: the library's entry shows them.
  const sourceItem = page.getByTestId('source-item');
  await expect(sourceItem.getByTestId('inline-tags')).toHaveText('riversدلتا');

  await startNote(page, 'Ferry times');
  // Tagging a note lists the notes again, never the library (costly when it is large).
  const listed: string[] = [];
  page.on('request', (request) => listed.push(new URL(request.url()).pathname));
  const noteTags = tagEditor(page, 'Note tags');
  const noteInput = noteTags.getByTestId('tag-input');
  await noteInput.fill('rivers');
  await noteInput.press('Enter');
  await noteInput.fill('unsure');
  await noteInput.press('Enter');
  await expect(noteTags.getByTestId('tag-chip')).toHaveText(['rivers', 'unsure']);
  // Backspace in the empty input takes the last tag back.
  await noteInput.press('Backspace');
  await expect(noteTags.getByTestId('tag-chip')).toHaveText(['rivers']);
  const noteItem = page.getByTestId('note-item').filter({ hasText: 'Ferry times' });
  await expect(noteItem.getByTestId('inline-tags')).toHaveText('rivers');
  expect(listed).toContain('/api/listNotes');
  expect(listed).not.toContain('/api/listSources');

  await page.reload();
  await expect(tagEditor(page, 'Article tags').getByTestId('tag-chip')).toHaveText([
    'rivers',
    'دلتا',
  ]);
  await expect(tagEditor(page, 'Note tags').getByTestId('tag-chip')).toHaveText(['rivers']);

  await page.getByTestId('search-input').fill('tag:rivers');
  const results = page.getByTestId('search-results');
  await expect(results.getByTestId('search-group-source').getByTestId('search-hit')).toHaveCount(1);
  await expect(results.getByTestId('search-group-note').getByTestId('search-hit')).toHaveText(
    /Ferry times/,
  );

  await page.getByTestId('search-input').fill('tag:دلتا');
  await expect(results.getByTestId('search-group-source').getByTestId('search-hit')).toHaveText(
    /Notes from the river delta/,
  );
  await expect(results.getByTestId('search-group-note')).toHaveCount(0);

  // Removing the article's last tags with × keeps the note's.
  await page.getByTestId('search-input').fill('');
  const reopened = tagEditor(page, 'Article tags');
  await reopened.getByRole('button', { name: 'Remove tag “\u2068دلتا\u2069”' }).click();
  await reopened.getByRole('button', { name: 'Remove tag “\u2068rivers\u2069”' }).click();
  await expect(reopened.getByTestId('tag-chip')).toHaveCount(0);
  await expect(sourceItem.getByTestId('inline-tags')).toHaveCount(0);
  await expect(noteItem.getByTestId('inline-tags')).toHaveText('rivers');
});
