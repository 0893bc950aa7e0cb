/**
 * Importing what analysts save — web pages, PDFs, folders, addresses — in the
 * real reader: hostile markup never runs and nothing leaves the machine; the
 * main screens are saved in screenshots/ for a person to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, test } from './support/dossierServer';
import { selectInReader } from './support/reader';

const screenshots = path.join(repoRoot, 'screenshots');
const fixture = (...parts: string[]) => path.join(repoRoot, 'tests', 'fixtures', ...parts);

test.beforeAll(() => mkdirSync(screenshots, { recursive: true }));

/** Every request the page makes that is not to Dossier's own server. */
function watchOutsideRequests(page: Page, serverUrl: string): string[] {
  const origin = new URL(serverUrl).origin;
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) outside.push(url);
  });
  return outside;
}

async function openImported(page: Page, file: string, title: string | RegExp): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles(file);
  await page.getByTestId('source-item').filter({ hasText: title }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(title);
}

test('a hostile web page imports as text: no script runs, no dialog opens, no request leaves', async ({
  page,
  dossier,
}) => {
  const { url } = await dossier.start();
  const outside = watchOutsideRequests(page, url);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  await openImported(page, fixture('web', 'hostile.html'), 'Harbour report with hostile markup');

  const reader = page.getByTestId('reader');
  await expect(reader).toContainText('Engineers found cracks in the concrete');
  await expect(reader).toContainText('<script>alert(1)</script> written as text');
  // Only the allowlisted link survives, as a link; the others are plain text.
  await expect(reader.locator('a')).toHaveCount(1);
  await expect(reader.locator('a')).toHaveAttribute('href', 'https://example.org/harbour');
  await expect(reader.getByText('full report')).toBeVisible();
  // Inside the article's blocks: nothing but text, marks, links and placeholders.
  const blockMarkup = await reader.evaluate((root) => {
    const inside = [...root.querySelectorAll('[data-block-start]')].flatMap((block) => [
      block,
      ...block.querySelectorAll('*'),
    ]);
    return {
      dangerous: inside
        .filter((element) =>
          element.matches('script, iframe, object, embed, svg, math, form, input, style, base'),
        )
        .map((element) => element.outerHTML),
      handlers: inside.flatMap((element) =>
        element.getAttributeNames().filter((name) => name.startsWith('on')),
      ),
    };
  });
  expect(blockMarkup).toEqual({ dangerous: [], handlers: [] });
  // The remote image is a placeholder that names its address; nothing fetched it.
  await expect(page.getByTestId('remote-image').first()).toBeVisible();

  await reader.getByText('Engineers found cracks').hover();
  await reader.getByText('Engineers found cracks').click();
  await reader.getByText('full report').click();
  await expect(page.getByTestId('reader-title')).toHaveText('Harbour report with hostile markup');
  expect(await page.evaluate(() => (window as { __dossierPwned?: unknown }).__dossierPwned)).toBe(
    undefined,
  );
  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);
});

test('a news article shows its byline, site, date, figure and structure; its evidence is kept', async ({
  page,
  dossier,
}) => {
  const { url } = await dossier.start();
  const outside = watchOutsideRequests(page, url);
  await page.goto(url);
  const title = 'Northern quay to close for repairs after storms';
  await openImported(page, fixture('web', 'english-news.html'), title);

  await expect(page.getByTestId('source-byline')).toContainText('Jane Morrow');
  await expect(page.getByTestId('source-site')).toHaveText('The Coastal Herald');
  await expect(page.getByTestId('source-published')).toBeVisible();
  const reader = page.getByTestId('reader');
  await expect(reader.locator('figure img')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(reader.locator('figcaption')).toContainText('seen from the breakwater');
  await expect(
    reader.getByRole('heading', { level: 2, name: 'What changes for passengers' }),
  ).toBeVisible();
  await expect(reader.locator('ol li')).toHaveCount(3);
  await expect(reader.locator('table td').first()).toHaveText('Northern');
  await expect(reader.locator('blockquote')).toContainText('Safety comes first');
  await expect(reader.locator('strong')).toHaveText('deep cracks');
  await expect(page.getByTestId('source-item').filter({ hasText: title })).toContainText(
    'The Coastal Herald',
  );
  await page.screenshot({ path: path.join(screenshots, 'web-article.png') });

  await page.getByTestId('source-evidence').locator('summary').click();
  await expect(page.getByTestId('source-sha256')).toHaveText(/^[0-9a-f]{64}$/);
  await page.screenshot({ path: path.join(screenshots, 'web-article-evidence.png') });
  // The original is saved byte for byte, under its own name.
  const saving = page.waitForEvent('download');
  await page.getByTestId('save-original').click();
  const saved = await saving;
  expect(saved.suggestedFilename()).toBe('english-news.html');
  expect(
    readFileSync(await saved.path()).equals(readFileSync(fixture('web', 'english-news.html'))),
  ).toBe(true);

  // A passage in a list item and a search by site work on the block text.
  await page.getByTestId('search-input').fill('site:"The Coastal Herald" southern');
  await expect(
    page.getByTestId('search-group-source').getByTestId('search-hit').filter({ hasText: title }),
  ).toHaveCount(1);
  expect(outside).toEqual([]);
});

test('a Persian web page reads right to left with its figure and metadata', async ({
  page,
  dossier,
}) => {
  await page.goto((await dossier.start()).url);
  const title = 'کتابخانه‌ای در دل کوهستان';
  await openImported(page, fixture('web', 'persian-news.html'), title);
  await expect(page.getByTestId('source-byline')).toContainText('مریم احمدی');
  const paragraph = page.getByTestId('reader').locator('p', { hasText: 'سه هزار جلد' });
  expect(await paragraph.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  await expect(page.getByTestId('reader').locator('figcaption')).toContainText('دامنهٔ البرز');
  await expect(page.getByTestId('reader')).not.toContainText('پربازدیدترین‌ها');
  await page.screenshot({ path: path.join(screenshots, 'web-persian.png') });

  await page.getByTestId('search-input').fill('lang:fa كتابخانه');
  await expect(
    page.getByTestId('search-group-source').getByTestId('search-hit').filter({ hasText: title }),
  ).toHaveCount(1);
});

test('pasting part of a web page outside a text field imports its HTML as a web source, safely', async ({
  page,
  dossier,
}) => {
  await page.goto((await dossier.start()).url);
  await page.evaluate(() => {
    const clipboard = new DataTransfer();
    clipboard.setData(
      'text/html',
      '<meta charset="utf-8"><h1>Copied harbour story</h1><p>The quay closed on <b>Monday</b> ' +
        'after the storm, the harbour master said in a short statement to the press.</p>' +
        '<img src="x" onerror="window.__dossierPwned = 1"><script>window.__dossierPwned = 2</script>',
    );
    clipboard.setData('text/plain', 'Copied harbour story\n\nThe quay closed on Monday.');
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }),
    );
  });
  const item = page.getByTestId('source-item').filter({ hasText: 'Copied harbour story' });
  await expect(item).toContainText('WEB', { ignoreCase: true });
  await item.click();
  await expect(page.getByTestId('reader').locator('strong')).toHaveText('Monday');
  expect(await page.evaluate(() => (window as { __dossierPwned?: unknown }).__dossierPwned)).toBe(
    undefined,
  );
});

test('files of several types dropped on the window are imported, each by its own pipeline', async ({
  page,
  dossier,
}) => {
  await page.goto((await dossier.start()).url);
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(
      new File(['# Dropped notes\n\nThe *quay* reopens in **May**.\n'], 'notes.md', {
        type: 'text/markdown',
      }),
    );
    transfer.items.add(
      new File(
        [
          '<!DOCTYPE html><title>Dropped page</title><article><h1>Dropped page</h1>' +
            '<p>The ferry timetable changes next week, the operator announced on its website.</p></article>',
        ],
        'page.html',
        { type: 'text/html' },
      ),
    );
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
  });
  const items = page.getByTestId('source-item');
  await expect(items.filter({ hasText: 'Dropped notes' })).toContainText('Markdown', {
    ignoreCase: true,
  });
  await expect(items.filter({ hasText: 'Dropped page' })).toContainText('WEB', {
    ignoreCase: true,
  });
  await items.filter({ hasText: 'Dropped notes' }).click();
  await expect(page.getByTestId('reader').locator('strong')).toHaveText('May');
});

test('a PDF shows its page numbers; a scanned PDF is refused with a reason', async ({
  page,
  dossier,
}) => {
  await page.goto((await dossier.start()).url);
  await page.getByTestId('import-file-input').setInputFiles(fixture('pdf', 'english-article.pdf'));
  await page.getByTestId('source-item').first().click();
  const pageStarts = page.getByTestId('reader').locator('[data-page-start]');
  await expect(pageStarts.first()).toHaveAttribute('data-page-start', '1');
  expect(await pageStarts.count()).toBeGreaterThan(1);
  await pageStarts.nth(1).scrollIntoViewIfNeeded();
  // A passage is cited by the page it is on.
  await selectInReader(page, 'Radiocarbon dates on plant fragments');
  await page.getByTestId('mark-passage').click();
  await expect(page.getByTestId('passage-page')).toHaveText('p. 2');
  await page.screenshot({ path: path.join(screenshots, 'pdf-pages.png') });

  await page.getByTestId('import-file-input').setInputFiles(fixture('pdf', 'scanned.pdf'));
  await expect(page.getByRole('alert').filter({ hasText: 'text layer' })).toBeVisible();
  await expect(page.getByTestId('source-item')).toHaveCount(1);
});

test.describe('folder import', () => {
  let folder = '';
  test.beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'dossier-folder-'));
  });
  test.afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test('shows progress with a running count and Cancel, then a summary of what was imported and skipped', async ({
    page,
    dossier,
  }) => {
    const reports = path.join(folder, 'reports');
    mkdirSync(path.join(reports, 'older'), { recursive: true });
    // More files than one call carries (a thousand), so there is a call left to cancel.
    for (let index = 1; index <= 1200; index++) {
      writeFileSync(
        path.join(reports, index > 600 ? 'older' : '', `report-${index}.txt`),
        `Harbour log ${index}\n\nEntry ${index}: the ferry left at ${index % 24}:00 with ${index} passengers.`,
      );
    }
    writeFileSync(path.join(reports, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    await page.goto((await dossier.start()).url);
    // The first call's answer waits until Cancel is pressed: the import is still under way then.
    let cancelPressed = () => {};
    const pressed = new Promise<void>((resolve) => (cancelPressed = resolve));
    await page.route('**/api/importFiles', async (route) => {
      const response = await route.fetch();
      await pressed;
      await route.fulfill({ response });
    });
    await page.getByTestId('import-folder-input').setInputFiles(reports);

    const progress = page.getByTestId('bulk-import-progress');
    await expect(progress).toBeVisible();
    await expect(page.getByTestId('bulk-import-count')).toContainText(/[1-9][\d,]* of 1,200/);
    await page.screenshot({ path: path.join(screenshots, 'folder-import-progress.png') });
    await page.getByTestId('bulk-import-cancel').click();
    cancelPressed();
    const summary = page.getByTestId('import-summary');
    await expect(summary).toContainText('Import cancelled');
    await expect(page.getByTestId('import-summary-not-imported')).toContainText('200');
    await page.unroute('**/api/importFiles');
    await page.getByTestId('import-summary-close').click();

    // The whole folder again: what came in before is reported as already there.
    const small = path.join(folder, 'small');
    mkdirSync(small);
    writeFileSync(path.join(small, 'a.txt'), 'Quay closed\n\nThe northern quay closes.');
    writeFileSync(
      path.join(small, 'b.html'),
      '<!DOCTYPE html><title>Quay</title><p>Open again.</p>',
    );
    writeFileSync(path.join(small, 'empty.txt'), '');
    writeFileSync(path.join(small, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    await page.getByTestId('import-folder-input').setInputFiles(small);
    await expect(summary).toContainText('Import finished');
    await expect(page.getByTestId('import-summary-imported')).toHaveText('Imported: 2');
    await expect(page.getByTestId('skipped-file')).toHaveCount(2);
    await expect(page.getByTestId('skipped-file').filter({ hasText: 'empty.txt' })).toContainText(
      'empty',
    );
    await page.screenshot({ path: path.join(screenshots, 'folder-import-summary.png') });
  });
});

test('Import from URL fetches a page through the HTML pipeline; an unreachable address says so', async ({
  page,
  dossier,
}) => {
  const server = http.createServer((request, response) => {
    if (request.url === '/article') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<!DOCTYPE html><html lang="en"><head><title>Fetched harbour article</title></head><body>' +
          '<article><h1>Fetched harbour article</h1><p>The quay reopened on Monday after repairs that took most of the winter and cost more than planned.</p></article></body></html>',
      );
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await page.goto((await dossier.start()).url);
    await page.getByText('More', { exact: true }).click();
    await page.getByTestId('import-url-button').click();
    await page.getByTestId('import-url-input').fill(`${address}/article`);
    await page.getByTestId('import-url-submit').click();
    await expect(page.getByTestId('reader-title')).toHaveText('Fetched harbour article');
    await expect(page.getByTestId('source-url')).toContainText(`${address}/article`);

    await page.getByText('More', { exact: true }).click();
    await page.getByTestId('import-url-button').click();
    await page.getByTestId('import-url-input').fill('http://127.0.0.1:9/closed');
    await page.getByTestId('import-url-submit').click();
    await expect(page.getByTestId('import-url-error')).toContainText(/reach|offline|connect/i);
  } finally {
    server.close();
  }
});
