/**
 * The walking skeleton's user story, end to end in real Chromium against
 * browser mode: import, read, mark, link from a note, follow the link,
 * backlinks, search, and persistence across a reload and a server restart.
 */
import { runDossier } from './support/cli';
import { expect, test } from './support/dossierServer';
import { startNote } from './support/notes';
import { selectInReader } from './support/reader';
import { hasSampleArticle, sampleArticleFile } from '../support/sharedData';

const articleTitle = 'Hamas Leader Thanks Iran For Support During Tehran Visit';
const passageText = 'Iran is the biggest donor';

test.skip(
  !hasSampleArticle,
  `the sample article is missing (${sampleArticleFile}); ../shared is not beside the project`,
);

test('import, mark, link from a note, follow the link, search, and keep it all', async ({
  page,
  dossier,
}) => {
  const { url, databaseFile } = await dossier.start();
  await page.goto(url);

  // Import the sample article through the file picker.
  await page.getByTestId('import-file-input').setInputFiles(sampleArticleFile);
  await expect(page.getByTestId('toast')).toContainText(/imported/i);
  const sourceItem = page.getByTestId('source-item').filter({ hasText: articleTitle });
  await expect(sourceItem).toHaveCount(1);

  // Read it: the title and the paragraphs, each with dir="auto"; captions appear once.
  await sourceItem.click();
  const reader = page.getByTestId('reader');
  await expect(page.getByTestId('reader-title')).toHaveText(articleTitle);
  await expect(reader.locator('[data-block-start]').first()).toHaveAttribute('dir', 'auto');
  await expect(
    reader
      .locator('[data-block-start]')
      .filter({ hasText: "Iran's Foreign Minister Hossein Amir Abdollahian meets" }),
  ).toHaveCount(1);

  // Select the sentence and mark it.
  await selectInReader(page, passageText);
  await page.getByTestId('mark-passage').click();
  const passageItem = page.getByTestId('passage-item').filter({ hasText: passageText });
  await expect(passageItem).toHaveCount(1);
  const passageId = await passageItem.getAttribute('data-passage-id');
  expect(passageId).toMatch(/^\d+$/);

  // Write a note that links to the passage.
  const editor = await startNote(page, 'Who funds Hamas');
  await page.keyboard.type('Haniyeh said it himself: ');
  await passageItem.getByTestId('link-passage-into-note').click();
  const link = editor.locator(`a.passage-link[data-passage-id="${passageId}"]`);
  await expect(link).toHaveText(passageText);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // The note is listed beside the passage (backlink).
  await expect(passageItem.getByTestId('passage-backlink')).toHaveText('Who funds Hamas');

  // Follow the link: the reader lands on the passage.
  await reader.evaluate((element) => {
    element.scrollTop = 0;
    window.scrollTo(0, 0);
  });
  await link.click();
  await expect(reader).toHaveAttribute('data-focused-passage', passageId!);
  await expect(
    reader.locator('[data-block-start]').filter({ hasText: passageText }),
  ).toBeInViewport();

  // Search: the article for "Haniyeh"; the passage and the note for "donor".
  const search = page.getByTestId('search-input');
  await search.fill('Haniyeh');
  const sourceHit = page
    .getByTestId('search-group-source')
    .getByTestId('search-hit')
    .filter({ hasText: articleTitle });
  await expect(sourceHit).toHaveCount(1);
  await expect(sourceHit.locator('mark').first()).toHaveText(/haniyeh/i);

  await search.fill('donor');
  const passageHit = page.getByTestId('search-group-passage').getByTestId('search-hit');
  const noteHit = page.getByTestId('search-group-note').getByTestId('search-hit');
  await expect(passageHit.filter({ hasText: passageText })).toHaveCount(1);
  await expect(passageHit.locator('mark').first()).toHaveText(/donor/i);
  await expect(passageHit.getByTestId('search-hit-notes')).toHaveText('Quoted in 1 note');
  await expect(noteHit.filter({ hasText: 'Who funds Hamas' })).toHaveCount(1);
  await expect(noteHit.locator('mark').first()).toHaveText(/donor/i);

  // A reload keeps everything.
  await page.reload();
  await expect(page.getByTestId('source-item').filter({ hasText: articleTitle })).toHaveCount(1);
  await expect(page.getByTestId('note-item').filter({ hasText: 'Who funds Hamas' })).toHaveCount(1);

  // So does a restart of the app, with a new token: all of it lives in one SQLite file.
  const restarted = await dossier.start();
  await page.goto(restarted.url);
  await page.getByTestId('note-item').filter({ hasText: 'Who funds Hamas' }).click();
  await expect(
    page.getByTestId('note-editor').locator(`a.passage-link[data-passage-id="${passageId}"]`),
  ).toHaveText(passageText);
  await page.getByTestId('source-item').filter({ hasText: articleTitle }).click();
  await expect(
    page
      .getByTestId('passage-item')
      .filter({ hasText: passageText })
      .getByTestId('passage-backlink'),
  ).toHaveText('Who funds Hamas');

  // The CLI reads the same notebook file and sees the same passage and backlink.
  await dossier.stop();
  const shown = JSON.parse(runDossier(databaseFile, 'list', '--json')) as Array<{
    id: string;
    title: string;
  }>;
  expect(shown.map((source) => source.title)).toEqual([articleTitle]);
  const source = JSON.parse(runDossier(databaseFile, 'show', shown[0]!.id, '--json')) as {
    text: string;
    passages: Array<{ id: string; start: number; end: number; noteIds: string[] }>;
  };
  const passage = source.passages.find((p) => p.id === passageId)!;
  expect(source.text.slice(passage.start, passage.end)).toBe(passageText);
  expect(passage.noteIds).toHaveLength(1);
});
