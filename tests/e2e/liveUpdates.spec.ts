/**
 * Every open window hears of every change, wherever it was made: the CLI in
 * another process, another client of the same server, another tab.
 */
import type { Page } from '@playwright/test';
import { runDossier } from './support/cli';
import { expect, test } from './support/dossierServer';
import { callApi } from './support/api';
import { selectInReader } from './support/reader';

/** The window has its event stream open, so nothing written from now on can be missed. */
async function openListening(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-live-updates', 'on');
}

test('a note added with the CLI appears in the open window within 3 s, without a reload', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  await openListening(page, running.url);
  await expect(page.getByTestId('note-item')).toHaveCount(0);
  let reloaded = false;
  page.on('load', () => (reloaded = true));

  runDossier(running.databaseFile, 'note', 'add', '--title', 'Written from the terminal');

  await expect(
    page.getByTestId('note-item').filter({ hasText: 'Written from the terminal' }),
  ).toHaveCount(1, { timeout: 3000 });
  expect(reloaded).toBe(false);
});

test('an article imported by another client of the server appears in the library', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  await openListening(page, running.url);

  const reply = await callApi(running, 'importText', {
    text: 'Reported by another client\n\nThe bridge reopened on Tuesday.',
  });
  expect(reply.body.ok).toBe(true);

  await expect(
    page.getByTestId('source-item').filter({ hasText: 'Reported by another client' }),
  ).toHaveCount(1, { timeout: 3000 });
});

test('a passage marked in one tab shows in a second tab', async ({ page, context, dossier }) => {
  const running = await dossier.start();
  const imported = await callApi<{ sourceId: string }>(running, 'importText', {
    text: 'Notes from the delta\n\nThe ferry leaves at dawn, when the water is still.',
  });
  expect(imported.body.ok).toBe(true);

  const second = await context.newPage();
  for (const tab of [page, second]) {
    await openListening(tab, running.url);
    await tab.getByTestId('source-item').filter({ hasText: 'Notes from the delta' }).click();
    await expect(tab.getByTestId('reader-title')).toHaveText('Notes from the delta');
  }

  // A large library's summaries are costly to list: a passage reloads the counts alone.
  const listed: string[] = [];
  for (const tab of [page, second]) {
    tab.on('request', (request) => {
      const method = new URL(request.url()).pathname.replace('/api/', '');
      if (method === 'listSources' || method === 'listPassageCounts') listed.push(method);
    });
  }

  await page.bringToFront();
  await selectInReader(page, 'The ferry leaves at dawn');
  await page.getByTestId('mark-passage').click();
  await expect(page.getByTestId('passage-item')).toHaveCount(1);

  await expect(
    second.getByTestId('passage-item').filter({ hasText: 'The ferry leaves at dawn' }),
  ).toHaveCount(1, { timeout: 3000 });
  for (const tab of [page, second]) {
    await expect(
      tab.getByTestId('source-item').filter({ hasText: 'Notes from the delta' }),
    ).toContainText('1 passage');
  }
  expect(listed).toContain('listPassageCounts');
  expect(listed).not.toContain('listSources');
});

test('changes heard while the whole library is being listed are read once after it, not once each', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  await openListening(page, running.url);
  await expect(page.getByText('No articles yet')).toBeVisible();

  // A large library takes a while to list: hold each whole list until the changes are all made.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let lists = 0;
  await page.route('**/api/listSources', async (route) => {
    lists++;
    await held;
    await route.continue();
  });
  const call = async (method: string, args: unknown) => {
    const reply = await callApi(running, method, args);
    expect(reply.body.ok).toBe(true);
  };

  // Emptying the trash cannot say which sources it touched: the whole list is read.
  await call('emptyTrash', {});
  await expect.poll(() => lists).toBe(1);
  for (const title of ['First dispatch', 'Second dispatch', 'Third dispatch']) {
    await call('importText', { text: `${title}\n\nFiled at noon.` });
  }
  await call('emptyTrash', {});
  // Changes arrive in order: once this note shows, the window has heard of every one.
  await call('createNote', { title: 'Heard them all', text: '' });
  await expect(page.getByTestId('note-item').filter({ hasText: 'Heard them all' })).toHaveCount(1);
  expect(lists).toBe(1);

  release();
  await expect(page.getByTestId('library-count')).toHaveText('3');
  await expect.poll(() => lists).toBe(2);
});

test('an article tagged in one tab shows its tag in both libraries, read alone, not the whole list', async ({
  page,
  context,
  dossier,
}) => {
  const running = await dossier.start();
  for (const title of ['Notes from the delta', 'Harbour log']) {
    const reply = await callApi(running, 'importText', { text: `${title}\n\nThe ferry left.` });
    expect(reply.body.ok).toBe(true);
  }
  const second = await context.newPage();
  for (const tab of [page, second]) {
    await openListening(tab, running.url);
    await expect(tab.getByTestId('library-count')).toHaveText('2');
  }
  const read: string[] = [];
  for (const tab of [page, second]) {
    tab.on('request', (request) => read.push(new URL(request.url()).pathname.replace('/api/', '')));
  }

  await page.bringToFront();
  await page.getByTestId('source-item').filter({ hasText: 'Notes from the delta' }).click();
  const tags = page.getByRole('group', { name: 'Article tags' }).getByTestId('tag-input');
  await tags.fill('rivers');
  await tags.press('Enter');

  for (const tab of [page, second]) {
    await expect(
      tab.getByTestId('source-item').filter({ hasText: 'Notes from the delta' }),
    ).toContainText('rivers', { timeout: 3000 });
  }
  expect(read).toContain('getSourceSummaries');
  expect(read).not.toContain('listSources');
});

test('a window lists the library once at opening, even when its event stream answers late', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  const reply = await callApi(running, 'importText', { text: 'Harbour log\n\nThe ferry left.' });
  expect(reply.body.ok).toBe(true);

  // The stream answers only once the page has loaded (and its library asked, were it not held).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/events', async (route) => {
    await held;
    await route.continue();
  });
  const wholeLists: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/api/listSources') return;
    const args = request.postDataJSON() as { newest?: number };
    if (args.newest === undefined) wholeLists.push(request.url());
  });
  await page.goto(running.url);
  release();

  await expect(page.locator('html')).toHaveAttribute('data-live-updates', 'on');
  await expect(page.getByTestId('library-count')).toHaveText('1');
  // A search answered after the stream opened: any list its opening asked for was asked before.
  await page.getByTestId('search-input').fill('ferry');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  expect(wholeLists).toHaveLength(1);
});
