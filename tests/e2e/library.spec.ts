/**
 * The library one can manage: sorted by each key, filtered by words (Persian and Arabic
 * too), tags and site; collections filled by dragging (articles and notes) or from a menu,
 * renamed and deleted; walked with the keyboard; and thousands of articles rendered a
 * screenful at a time.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import {
  expect,
  repoRoot,
  test,
  type DossierHost,
  type RunningDossier,
} from './support/dossierServer';

const screenshots = path.join(repoRoot, 'test-results');

interface Article {
  title: string;
  /** Sentences after the title; the first `passages` of them are marked. */
  sentences: string[];
  site: string | null;
  published: string | null;
  tags: string[];
  passages: number;
}

// Imported in this order, so saved newest first is the reverse.
const articles: Article[] = [
  {
    title: 'Harbour cranes return to the old port',
    sentences: [
      'The cranes were lifted back onto the quay in March.',
      'Dock workers say the port has not been this busy in years.',
      'The harbour master expects container traffic to double.',
    ],
    site: 'Coastal Herald',
    published: '2024-03-10',
    tags: ['ports'],
    passages: 2,
  },
  {
    title: 'River delta farmers adapt to salt',
    sentences: [
      'Salt water now reaches fields that were fresh a decade ago.',
      'Farmers are planting rice varieties that tolerate brackish water.',
    ],
    site: 'Le Monde',
    published: '2023-07-02',
    tags: ['rivers', 'farming'],
    passages: 1,
  },
  {
    title: 'Éclairs and the economics of bakeries',
    sentences: ['Butter prices have doubled since the spring.', 'Small bakeries feel it first.'],
    site: 'BBC News',
    published: '2025-01-15',
    tags: ['economy'],
    passages: 0,
  },
  {
    title: 'apple orchards after the frost',
    sentences: [
      'A late frost killed most of the blossom.',
      'Growers expect half a harvest.',
      'Some orchards used fans to move warmer air down.',
      'Insurance covers only part of the loss.',
    ],
    site: 'BBC News',
    published: null,
    tags: ['farming'],
    passages: 3,
  },
  {
    title: 'Zebra crossings save lives, study finds',
    sentences: [
      'Painted crossings cut pedestrian deaths by a fifth.',
      'The study covered ten cities.',
    ],
    site: 'Al-Monitor',
    published: '2022-11-20',
    tags: [],
    passages: 0,
  },
  {
    title: 'Night ferries across the strait',
    sentences: [
      'The last ferry leaves at midnight.',
      'Truck drivers sleep in their cabs on the crossing.',
      'Tickets are cheaper after ten.',
      'The crew serves tea on deck.',
    ],
    site: null,
    published: '2024-12-01',
    tags: ['rivers', 'ports'],
    passages: 4,
  },
  {
    title: 'بازار تهران در روزهای گرانی',
    sentences: [
      'قیمت برنج در یک ماه دو برابر شده است.',
      'فروشندگان می‌گویند مشتری‌ها کمتر خرید می‌کنند.',
    ],
    site: 'BBC فارسی',
    published: '2024-06-01',
    tags: ['اقتصاد'],
    passages: 1,
  },
  {
    title: 'كتاب جديد عن تاريخ القاهرة',
    sentences: [
      'يروي الكتاب قصة المدينة منذ تأسيسها.',
      'يعتمد المؤلف على وثائق لم تنشر من قبل.',
      'صدر الكتاب في معرض القاهرة الدولي.',
    ],
    site: 'الأهرام',
    published: '2023-01-20',
    tags: ['كتب'],
    passages: 2,
  },
];

const byTitle = (start: string) => articles.find(({ title }) => title.startsWith(start))!.title;

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

async function api<T>(running: RunningDossier, method: string, args: unknown): Promise<T> {
  const reply = await callApi<T>(running, method, args);
  expect(reply.body.ok, `${method}: ${JSON.stringify(reply.body)}`).toBe(true);
  return reply.body.value as T;
}

/** Imports the eight articles with their sites, dates, tags and passages; returns their ids. */
async function importArticles(running: RunningDossier): Promise<string[]> {
  const files = articles.map(({ title, sentences }, index) => ({
    fileName: `article-${index + 1}.txt`,
    contentBase64: base64(`${title}\n\n${sentences.join('\n\n')}\n`),
  }));
  const outcomes = await api<Array<{ status: string; sourceId: string }>>(running, 'importFiles', {
    files,
  });
  const ids = outcomes.map(({ status, sourceId }) => {
    expect(status).toBe('imported');
    return sourceId;
  });
  for (const [index, article] of articles.entries()) {
    const sourceId = ids[index];
    await api(running, 'editSource', {
      sourceId,
      siteName: article.site,
      publishedAt: article.published,
    });
    if (article.tags.length > 0) {
      await api(running, 'setSourceTags', { sourceId, tags: article.tags });
    }
    for (const quote of article.sentences.slice(0, article.passages)) {
      await api(running, 'markPassage', { sourceId, quote });
    }
  }
  return ids;
}

/** A Dossier holding the eight articles, open in `page`. */
async function openLibrary(page: Page, dossier: DossierHost): Promise<RunningDossier> {
  const running = await dossier.start();
  await importArticles(running);
  await page.goto(running.url);
  return running;
}

const rows = (page: Page) => page.getByTestId('source-item');
const rowTitles = (page: Page) => rows(page).locator('.list-item-title');
const row = (page: Page, title: string) => rows(page).filter({ hasText: title });
const collection = (page: Page, name: string) =>
  page.getByTestId('collection-item').filter({ hasText: name });

async function sortBy(page: Page, key: string, direction?: 'ascending' | 'descending') {
  await page.getByTestId('library-sort').selectOption(key);
  const button = page.getByTestId('library-sort-direction');
  if (direction && (await button.textContent()) !== (direction === 'ascending' ? '↑' : '↓')) {
    await button.click();
  }
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
});

test('the library sorts by each key and filters by words, tags and site', async ({
  page,
  dossier,
}) => {
  await openLibrary(page, dossier);
  await expect(rows(page)).toHaveCount(8);

  // Date saved, newest first, by default.
  await expect(rowTitles(page)).toHaveText(articles.map(({ title }) => title).reverse());
  await sortBy(page, 'saved', 'ascending');
  await expect(rowTitles(page)).toHaveText(articles.map(({ title }) => title));

  // Titles as the reader's language orders them: case and accents do not set one apart.
  const alphabetical = [
    'apple orchards after the frost',
    'Éclairs and the economics of bakeries',
    'Harbour cranes return to the old port',
    'Night ferries across the strait',
    'River delta farmers adapt to salt',
    'Zebra crossings save lives, study finds',
    'بازار تهران در روزهای گرانی',
    'كتاب جديد عن تاريخ القاهرة',
  ];
  await sortBy(page, 'title');
  await expect(page.getByTestId('library-sort-direction')).toHaveAccessibleName('Order: A to Z');
  await expect(rowTitles(page)).toHaveText(alphabetical);
  await sortBy(page, 'title', 'descending');
  await expect(rowTitles(page)).toHaveText([...alphabetical].reverse());

  // Published, newest first; an article without a date comes last.
  await sortBy(page, 'published');
  await expect(rowTitles(page)).toHaveText(
    ['Éclairs', 'Night', 'بازار', 'Harbour', 'River', 'كتاب', 'Zebra', 'apple'].map(byTitle),
  );
  await sortBy(page, 'published', 'ascending');
  await expect(rowTitles(page)).toHaveText(
    ['Zebra', 'كتاب', 'River', 'Harbour', 'بازار', 'Night', 'Éclairs', 'apple'].map(byTitle),
  );

  // Site from A; two articles of one site newest saved first; no site last.
  await sortBy(page, 'site');
  await expect(rowTitles(page)).toHaveText(
    ['Zebra', 'apple', 'Éclairs', 'بازار', 'Harbour', 'River', 'كتاب', 'Night'].map(byTitle),
  );

  // Most passages first.
  await sortBy(page, 'passages');
  await expect(rowTitles(page)).toHaveText(
    ['Night', 'apple', 'كتاب', 'Harbour', 'بازار', 'River', 'Zebra', 'Éclairs'].map(byTitle),
  );
  await expect(row(page, byTitle('Night'))).toContainText('4 passages');
  await sortBy(page, 'saved');

  // Words in the title, site or tags, ignoring case and accents.
  const filter = page.getByTestId('library-filter');
  await filter.fill('HARBOUR');
  await expect(rowTitles(page)).toHaveText([byTitle('Harbour')]);
  await filter.fill('bbc');
  await expect(rowTitles(page)).toHaveText(['بازار', 'apple', 'Éclairs'].map(byTitle));
  await expect(page.getByTestId('library-count')).toHaveText('3 of 8');
  await filter.fill('eclairs');
  await expect(rowTitles(page)).toHaveText([byTitle('Éclairs')]);
  // Persian, and an Arabic title found by its Persian spelling (keheh for kaf).
  await filter.fill('تهران');
  await expect(rowTitles(page)).toHaveText([byTitle('بازار')]);
  await filter.fill('کتاب');
  await expect(rowTitles(page)).toHaveText([byTitle('كتاب')]);
  await filter.fill('اقتصاد');
  await expect(rowTitles(page)).toHaveText([byTitle('بازار')]);
  await page.screenshot({ path: path.join(screenshots, 'library-filter-persian.png') });
  await filter.fill('zzz');
  await expect(page.getByTestId('library-no-match')).toHaveText('No articles match these filters.');
  await expect(rows(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(filter).toHaveValue('');
  await expect(rows(page)).toHaveCount(8);

  // A tag clicked in a row filters by it; a second one narrows further.
  await row(page, byTitle('Night')).getByRole('button', { name: 'rivers' }).click();
  await expect(page.getByTestId('filter-chip')).toHaveText(['Tag: rivers×']);
  await expect(rowTitles(page)).toHaveText(['Night', 'River'].map(byTitle));
  await row(page, byTitle('Night')).getByRole('button', { name: 'ports' }).click();
  await expect(rowTitles(page)).toHaveText([byTitle('Night')]);
  await page.getByRole('button', { name: /Remove filter .*Tag: ports/ }).click();
  await expect(rowTitles(page)).toHaveText(['Night', 'River'].map(byTitle));

  // By site, with the tag still on; both chips, removed one at a time.
  await page.getByTestId('library-site').selectOption('Le Monde');
  await expect(page.getByTestId('filter-chip')).toHaveText(['Site: Le Monde×', 'Tag: rivers×']);
  await expect(rowTitles(page)).toHaveText([byTitle('River')]);
  await page.screenshot({ path: path.join(screenshots, 'library-filter-chips.png') });
  await page.getByRole('button', { name: /Remove filter .*Site: Le Monde/ }).click();
  await expect(rowTitles(page)).toHaveText(['Night', 'River'].map(byTitle));

  // Sort and filters stay with the window across a reload.
  await sortBy(page, 'title');
  await page.reload();
  await expect(page.getByTestId('filter-chip')).toHaveText(['Tag: rivers×']);
  await expect(page.getByTestId('library-sort')).toHaveValue('title');
  await expect(rowTitles(page)).toHaveText(['Night', 'River'].map(byTitle));
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('filter-chip')).toHaveCount(0);
  await expect(rows(page)).toHaveCount(8);
});

test('arrow keys walk the library, one row in the tab order, and Enter opens', async ({
  page,
  dossier,
}) => {
  await openLibrary(page, dossier);
  const newestFirst = articles.map(({ title }) => title).reverse();
  await expect(rowTitles(page)).toHaveText(newestFirst);

  const [first, second, third] = newestFirst as [string, string, string];
  const last = articles[0]!.title;
  const expectFocusOn = (title: string) =>
    expect(row(page, title).locator('[data-row-button]')).toBeFocused();
  // Tab from the site filter reaches the list once, at its first row.
  await page.getByTestId('library-site').focus();
  await page.keyboard.press('Tab');
  await expectFocusOn(first);
  await expect(rows(page).locator('[data-row-button][tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expectFocusOn(third);
  await page.keyboard.press('End');
  await expectFocusOn(last);
  await page.keyboard.press('ArrowDown'); // stays on the last row
  await expectFocusOn(last);
  await page.keyboard.press('Home');
  await expectFocusOn(first);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader-title')).toHaveText(second);
  await expect(row(page, second).locator('[data-row-button]')).toHaveAttribute(
    'aria-current',
    'true',
  );
  // The focused row stays the tabbable one.
  await expect(row(page, second).locator('[data-row-button]')).toHaveAttribute('tabindex', '0');
});

async function chooseFromMenu(page: Page, name: RegExp) {
  await page.getByRole('menu').getByRole('menuitem', { name }).click();
}

test('collections gather articles and notes by drag or menu, filter both lists, are renamed and deleted', async ({
  page,
  dossier,
}) => {
  const running = await openLibrary(page, dossier);
  await api(running, 'createNote', { title: 'Port visit plan', text: 'Ask the harbour master.' });
  await api(running, 'createNote', {
    title: 'Unrelated thought',
    text: 'Nothing to do with ports.',
  });
  await expect(rows(page)).toHaveCount(8);
  await expect(page.getByTestId('note-item')).toHaveCount(2);

  // A new collection, named in place.
  await page.getByTestId('new-collection').click();
  await page.getByTestId('new-collection-name').fill('Field work');
  await page.getByTestId('new-collection-name').press('Enter');
  const fieldWork = collection(page, 'Field work');
  await expect(fieldWork).toContainText('empty');

  // An article and a note dragged onto it. Over it, it is marked as the drop target, and the
  // window's file drop (import) does not take the drag for files.
  await row(page, byTitle('Harbour')).hover();
  await page.mouse.down();
  await fieldWork.hover();
  await fieldWork.hover({ position: { x: 20, y: 10 } });
  await expect(fieldWork).toHaveClass(/is-drop-target/);
  await expect(page.locator('.drop-overlay')).toHaveCount(0);
  await page.mouse.up();
  await expect(fieldWork).toContainText('1 article');
  await expect(fieldWork).not.toHaveClass(/is-drop-target/);
  await page.getByTestId('note-item').filter({ hasText: 'Port visit plan' }).dragTo(fieldWork);
  await expect(fieldWork).toContainText('1 article, 1 note');

  // From the keyboard: the row's menu (Shift+F10) adds it.
  await row(page, byTitle('River')).locator('[data-row-button]').focus();
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menuitem', { name: /Add to .*Field work/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(fieldWork).toContainText('2 articles, 1 note');
  await expect(row(page, byTitle('River')).locator('[data-row-button]')).toBeFocused();

  // Choosing it narrows the library and the notes.
  await fieldWork.getByTestId('collection-filter').click();
  await expect(fieldWork.getByTestId('collection-filter')).toHaveAttribute('aria-pressed', 'true');
  await expect(rowTitles(page)).toHaveText(['River', 'Harbour'].map(byTitle));
  await expect(page.getByTestId('note-item')).toHaveText([/Port visit plan/]);
  await expect(page.getByTestId('filter-chip')).toHaveText(['Collection: Field work×']);

  // Taken out again from its row's menu while the collection is shown.
  await row(page, byTitle('River')).hover();
  await row(page, byTitle('River')).getByTestId('source-item-menu').click();
  await chooseFromMenu(page, /Remove from .*Field work/);
  await expect(rowTitles(page)).toHaveText([byTitle('Harbour')]);
  await expect(fieldWork).toContainText('1 article, 1 note');
  // Undone from its message, then removed again from the keyboard.
  await page
    .getByTestId('toast')
    .filter({ hasText: /Removed from .*Field work/ })
    .getByTestId('toast-undo')
    .click();
  await expect(rowTitles(page)).toHaveText(['River', 'Harbour'].map(byTitle));
  await row(page, byTitle('River')).locator('[data-row-button]').focus();
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menuitem', { name: /Remove from .*Field work/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rowTitles(page)).toHaveText([byTitle('Harbour')]);

  // Renamed from its menu; the chip follows.
  await fieldWork.getByTestId('collection-menu').click();
  await chooseFromMenu(page, /Rename/);
  await page.getByTestId('rename-collection-name').fill('Harbour study');
  await page.getByTestId('rename-collection-name').press('Enter');
  const harbourStudy = collection(page, 'Harbour study');
  await expect(harbourStudy).toContainText('1 article, 1 note');
  await expect(page.getByTestId('filter-chip')).toHaveText(['Collection: Harbour study×']);

  // A Persian collection, with the Persian article dropped on it.
  await page.getByTestId('new-collection').click();
  await page.getByTestId('new-collection-name').fill('پژوهش میدانی');
  await page.getByTestId('new-collection-name').press('Enter');
  const persian = collection(page, 'پژوهش میدانی');
  await expect(persian).toContainText('empty');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await row(page, byTitle('بازار')).dragTo(persian);
  await expect(persian).toContainText('1 article');
  await persian.getByTestId('collection-filter').click();
  await expect(rowTitles(page)).toHaveText([byTitle('بازار')]);
  await expect(page.getByTestId('note-item')).toHaveCount(0);
  await page.getByTestId('library-filter').fill('بازار');
  await page.screenshot({ path: path.join(screenshots, 'library-collections-persian.png') });

  // The sidebar, its chips and a row's open menu leave no serious barrier to a screen reader.
  await row(page, byTitle('بازار')).getByTestId('source-item-menu').click();
  await expect(page.getByRole('menu')).toBeVisible();
  const audit = await new AxeBuilder({ page }).include('nav.sidebar').analyze();
  const serious = audit.violations.filter(
    ({ impact }) => impact === 'serious' || impact === 'critical',
  );
  expect(
    serious.map(({ id, nodes }) => `${id}: ${nodes.map(({ target }) => target.join(' '))}`),
  ).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await harbourStudy.getByTestId('collection-filter').click();
  await page.screenshot({ path: path.join(screenshots, 'library-collections.png') });

  // Deleting asks first; what was in it stays; the filter on it goes.
  await harbourStudy.getByTestId('collection-menu').click();
  await chooseFromMenu(page, /Delete/);
  const dialog = page.getByTestId('delete-collection-dialog');
  await expect(dialog).toContainText('1 article and 1 note stay');
  await page.getByTestId('delete-collection-confirm').click();
  await expect(harbourStudy).toHaveCount(0);
  await expect(page.getByTestId('filter-chip')).toHaveCount(0);
  await expect(rows(page)).toHaveCount(8);
  await expect(page.getByTestId('note-item')).toHaveCount(2);
});

test('3,000 articles: only a screenful is in the page, and the last one is reached', async ({
  page,
  dossier,
}) => {
  test.setTimeout(300_000);
  const running = await dossier.start();
  const total = 3000;
  const name = (n: number) => `Record ${String(n).padStart(4, '0')}`;
  for (let first = 1; first <= total; first += 500) {
    const files = Array.from({ length: 500 }, (_, offset) => {
      const n = first + offset;
      return {
        fileName: `record-${n}.txt`,
        contentBase64: base64(`${name(n)}\n\nA short entry, number ${n}, for the long list.\n`),
      };
    });
    await api(running, 'importFiles', { files });
  }

  const started = Date.now();
  await page.goto(running.url);
  // Grouped as the browser's language groups digits (3,000 in English).
  await expect(page.getByTestId('library-count')).toHaveText(/^3\D?000$/, { timeout: 30_000 });
  await expect(rows(page).first()).toBeVisible();
  const shownAfter = Date.now() - started;

  const rendered = await rows(page).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);
  await expect(rows(page).first()).toHaveAttribute('aria-setsize', String(total));
  await expect(rows(page).first()).toHaveAttribute('aria-posinset', '1');
  await expect(rowTitles(page).first()).toHaveText(name(total));

  // Scrolled to the end: the oldest is there, and the page still holds a screenful.
  const scroller = page.getByTestId('library-scroller');
  await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight));
  const last = rows(page).filter({ hasText: name(1) });
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-posinset', String(total));
  expect(await rows(page).count()).toBeLessThan(80);

  // Home and End from the keyboard travel the whole list.
  await last.locator('[data-row-button]').focus();
  await page.keyboard.press('Home');
  await expect(
    rows(page)
      .filter({ hasText: name(total) })
      .locator('[data-row-button]'),
  ).toBeFocused();
  await page.keyboard.press('End');
  await expect(last.locator('[data-row-button]')).toBeFocused();
  await page.screenshot({ path: path.join(screenshots, 'library-3000-end.png') });

  // Filtering the whole list answers at once.
  const filterStarted = Date.now();
  await page.getByTestId('library-filter').fill('record 1234');
  await expect(rowTitles(page)).toHaveText([name(1234)]);
  const filteredAfter = Date.now() - filterStarted;
  await page.screenshot({ path: path.join(screenshots, 'library-3000.png') });
  console.log(
    `library of ${total}: shown ${shownAfter} ms after navigation, ${rendered} rows in the page, filtered in ${filteredAfter} ms`,
  );
});

test('the newest articles are shown before the whole library is listed', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  for (const title of ['Oldest dispatch', 'Middle dispatch', 'Newest dispatch']) {
    const reply = await callApi(running, 'importText', { text: `${title}\n\nFiled at noon.` });
    expect(reply.body.ok).toBe(true);
  }
  // A large library takes a while to list whole: that list is held until the rows show.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/listSources', async (route) => {
    const args = route.request().postDataJSON() as { newest?: number };
    if (args.newest === undefined) await held;
    await route.continue();
  });
  await page.goto(running.url);

  const rows = page.getByTestId('source-item');
  await expect(rows).toHaveText([/Newest dispatch/, /Middle dispatch/, /Oldest dispatch/]);
  // How many there are in all is not known yet.
  await expect(page.getByTestId('library-count')).toHaveCount(0);

  release();
  await expect(page.getByTestId('library-count')).toHaveText('3');
  await expect(rows).toHaveCount(3);
});
