/**
 * A passage link in a note previews its passage: the words around it, the
 * passage itself and where it comes from, on hover or with the caret in the
 * link; a broken link says so and shows what it quoted. Escape closes the
 * preview, which never takes the focus. Screenshots in screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import { expect, repoRoot, test, type RunningDossier } from './support/dossierServer';

const screenshots = path.join(repoRoot, 'screenshots');
test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

const title = 'Harbour council approves new ferry terminal';
const text = [
  title,
  'The city council voted on Tuesday to approve a new ferry terminal on the eastern shore of the harbour, ending a debate that lasted nearly three years.',
  'Opponents warned that construction could disturb the wetlands north of the site, home to several rare species of birds.',
].join('\n\n');
const ferryQuote = 'approve a new ferry terminal';
const wetlandsQuote = 'construction could disturb the wetlands';

async function value<T>(running: RunningDossier, method: string, args: unknown): Promise<T> {
  const answer = await callApi<T>(running, method, args);
  expect(answer.body.ok, `${method} should succeed`).toBe(true);
  return answer.body.value!;
}

/** An article with two passages, and a note linking both: `Harbour notes`. */
async function notebookWithLinks(running: RunningDossier) {
  const { sourceId } = await value<{ sourceId: string }>(running, 'importText', { text });
  await value(running, 'editSource', {
    sourceId,
    siteName: 'Port Weekly',
    publishedAt: '2024-03-05',
  });
  const ferry = await value<{ passageId: string }>(running, 'markPassage', {
    sourceId,
    quote: ferryQuote,
  });
  const wetlands = await value<{ passageId: string }>(running, 'markPassage', {
    sourceId,
    quote: wetlandsQuote,
  });
  await value(running, 'createNote', {
    title: 'Harbour notes',
    text: 'What the council decided:',
    passageIds: [ferry.passageId, wetlands.passageId],
  });
  return { sourceId, ferryId: ferry.passageId, wetlandsId: wetlands.passageId };
}

function linkTo(page: Page, passageId: string) {
  return page.getByTestId('note-editor').locator(`a.passage-link[data-passage-id="${passageId}"]`);
}

async function openNote(page: Page, running: RunningDossier) {
  await page.goto(running.url);
  await page.getByTestId('note-item').filter({ hasText: 'Harbour notes' }).click();
  await expect(page.getByTestId('note-editor')).toBeVisible();
}

test('hovering a passage link shows the passage in its context with its citation; Escape closes it; a click opens it', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  const { ferryId } = await notebookWithLinks(running);
  await openNote(page, running);

  const preview = page.getByTestId('passage-preview');
  await linkTo(page, ferryId).hover();
  await expect(preview).toBeVisible();
  const context = preview.getByTestId('passage-preview-context');
  await expect(context.locator('mark')).toHaveText(ferryQuote);
  await expect(context).toContainText('The city council voted on Tuesday to');
  await expect(context).toContainText('on the eastern shore of the harbour');
  await expect(context).toHaveAttribute('dir', 'auto');
  const citation = preview.getByTestId('passage-preview-citation');
  await expect(citation).toContainText(title);
  await expect(citation).toContainText('Port Weekly');
  await expect(citation).toContainText('2024');
  await expect(preview.getByTestId('passage-preview-standing')).toHaveCount(0);

  // Inside the window, and it took no focus.
  const box = (await preview.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(await page.evaluate(() => document.activeElement?.closest('.passage-preview'))).toBeNull();
  await page.screenshot({ path: path.join(screenshots, 'passage-preview.png') });

  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // The link still opens the article at its passage.
  await linkTo(page, ferryId).click();
  await expect(
    page.locator(`[data-testid="passage-item"][data-passage-id="${ferryId}"]`),
  ).toHaveClass(/is-focused/);
});

test("a broken link's preview says it is broken and shows the words it quoted", async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  const { sourceId, wetlandsId } = await notebookWithLinks(running);
  // The next version drops the wetlands sentence: that passage is orphaned.
  await value(running, 'importText', {
    text: text.replace(
      /Opponents warned[^\n]*/,
      'Environmental groups said they would go to court.',
    ),
    revisionOf: sourceId,
  });
  await openNote(page, running);

  const link = linkTo(page, wetlandsId);
  await expect(link).toHaveClass(/is-broken/);
  await link.hover();
  const preview = page.getByTestId('passage-preview');
  await expect(preview.getByTestId('passage-preview-standing')).toContainText('Broken link');
  await expect(preview.getByTestId('passage-preview-context').locator('mark')).toHaveText(
    wetlandsQuote,
  );
  await expect(preview.getByTestId('passage-preview-citation')).toContainText(title);
  await page.screenshot({ path: path.join(screenshots, 'passage-preview-broken.png') });

  await page.mouse.move(0, 0);
  await expect(preview).toHaveCount(0);
});

test('the caret in a passage link shows its preview while the note keeps the focus', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  const { wetlandsId } = await notebookWithLinks(running);
  await openNote(page, running);

  const editor = page.getByTestId('note-editor');
  await editor.focus();
  // The last paragraph is the link to the wetlands passage.
  await page.keyboard.press('Control+End');
  const preview = page.getByTestId('passage-preview');
  await expect(preview.getByTestId('passage-preview-context').locator('mark')).toHaveText(
    wetlandsQuote,
  );
  await expect(editor).toBeFocused();
  await expect(linkTo(page, wetlandsId)).toHaveAttribute(
    'aria-describedby',
    (await preview.getAttribute('id'))!,
  );

  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await expect(editor).toBeFocused();

  // Out of the link and back into another one: it shows again.
  await page.keyboard.press('Control+Home');
  await expect(preview).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(preview.getByTestId('passage-preview-context').locator('mark')).toHaveText(
    ferryQuote,
  );
});
