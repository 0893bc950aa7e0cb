/**
 * The workspace's layout from 700×500 to 2560×1440, with an English and a
 * Persian article: a readable reader, panes that never overlap, no sideways
 * scrolling; tabs in a narrow window; splitters by keyboard and mouse,
 * remembered; hiding panes; focus mode; reading settings. Screenshots go to
 * test-results/screens/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { narrowBelow, readerMinWidth } from '../../src/renderer/layout/paneLayout';
import { callApi } from './support/api';
import { expect, repoRoot, test, type RunningDossier } from './support/dossierServer';

const screens = path.join(repoRoot, 'test-results', 'screens');
test.beforeAll(() => mkdirSync(screens, { recursive: true }));

const english = {
  title: 'Harbour towns and the price of winter storms',
  text: [
    'Along the northern coast, small harbour towns are counting the cost of a winter that brought six named storms in ten weeks.',
    'In Ardmore, the council has closed the old quay after a survey found that waves had washed out the fill behind its stone face. Fishing boats now unload at a temporary pontoon two miles away, and the ice plant that served the quay stands idle.',
    'Engineers say the damage is not only the work of the storms themselves. Many of the walls were built in the nineteenth century for a sea that was lower and calmer, and decades of patch repairs have left them weaker than they look.',
    'Residents are divided over what should come next. Some want the quay rebuilt as it was, arguing that the town’s identity is tied to its working harbour; others would rather see the money spent on flood defences for the houses along the front.',
    'The regional government has promised an answer by the summer. Until then, the harbour master keeps a log of every boat that cannot land, in the hope that the numbers will make the case for repair.',
    'Similar debates are under way in a dozen towns along the same coast, and the insurers who cover their buildings are watching closely.',
  ].join('\n\n'),
};

const persian = {
  title: 'یادداشت‌برداری در سفر پژوهشی',
  text: [
    'پژوهشگری که به شهرهای دور سفر می‌کند، معمولاً بیش از آنچه فکر می‌کند کاغذ و یادداشت با خود برمی‌گرداند. بسیاری از این یادداشت‌ها در چند هفتهٔ نخست نظم دارند، اما کم‌کم در میان پوشه‌ها و دفترها گم می‌شوند.',
    'در کتابخانهٔ ملی، خانم رضایی هر روز صبح ساعت هشت می‌رسید و تا هنگام بسته شدن درها کار می‌کرد. او می‌گفت که خواندن دقیق یک متن قدیمی از خواندن سریع ده کتاب تازه ارزشمندتر است.',
    'روش او ساده بود: هر جمله‌ای را که مهم می‌دانست با مداد علامت می‌زد، سپس در دفتری جداگانه می‌نوشت که چرا آن جمله را برگزیده است. به این ترتیب، ماه‌ها بعد هم می‌توانست استدلال خود را بازسازی کند.',
    'امروز ابزارهای دیجیتال همین کار را آسان‌تر کرده‌اند، ولی اصل ماجرا تغییری نکرده است: متن را باید با حوصله خواند، و پیوند میان نقل‌قول و اندیشهٔ خود را باید روشن نگه داشت.',
    'مترجمان نیز با همین دشواری روبه‌رو هستند. واژه‌ای که در یک بند معنایی دارد، ممکن است در بند بعدی رنگ دیگری بگیرد، و تنها یادداشت‌های دقیق است که این تفاوت‌ها را از فراموشی نجات می‌دهد.',
  ].join('\n\n'),
};

type Article = typeof english;

/** The narrowest text the reader may be given, in px: about 45 characters of its font. */
const readableWidth = 320;

async function importArticles(running: RunningDossier): Promise<void> {
  for (const article of [english, persian]) {
    const reply = await callApi(running, 'importText', article);
    expect(reply.body.ok, JSON.stringify(reply.body)).toBe(true);
  }
}

async function startWithArticles(page: Page, dossier: { start(): Promise<RunningDossier> }) {
  const running = await dossier.start();
  await importArticles(running);
  await page.goto(running.url);
  return running;
}

const columns = (page: Page) => page.getByTestId('columns');
const library = (page: Page) => page.getByRole('navigation', { name: 'Library and notes' });
const reader = (page: Page) => page.locator('main.center');
const sidePanel = (page: Page) => page.getByRole('complementary', { name: 'Passages and note' });
const splitter = (page: Page, name: 'library' | 'side panel') =>
  page.getByRole('separator', { name: `Resize ${name}` });

/** Opens an article from the library, going to the Library tab first in a narrow window. */
async function openArticle(page: Page, article: Article): Promise<void> {
  const libraryTab = page.getByRole('tab', { name: 'Library' });
  if (await libraryTab.isVisible()) await libraryTab.click();
  await page.getByTestId('source-item').filter({ hasText: article.title }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(article.title);
}

/**
 * Everything wrong with the layout as drawn: sideways scrolling, controls cut
 * off, visible panes overlapping or leaving the window, a reader too narrow.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((minText) => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
      problems.push(
        `the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`,
      );
    }
    const shown = (element: Element) =>
      element.checkVisibility({ visibilityProperty: true }) &&
      element.getBoundingClientRect().width > 0;
    const panes = ['nav.sidebar', 'main.center', 'aside.side-panel']
      .map((selector) => ({ selector, element: document.querySelector(selector)! }))
      .filter(({ element }) => shown(element))
      .map(({ selector, element }) => ({ selector, box: element.getBoundingClientRect() }));
    for (const [index, pane] of panes.entries()) {
      if (pane.box.left < 0 || pane.box.right > width + 0.5) {
        problems.push(`${pane.selector} leaves the window (${pane.box.left}–${pane.box.right})`);
      }
      for (const other of panes.slice(index + 1)) {
        const overlap =
          Math.min(pane.box.right, other.box.right) - Math.max(pane.box.left, other.box.left);
        if (overlap > 0.5)
          problems.push(`${pane.selector} overlaps ${other.selector} by ${overlap}px`);
      }
    }
    for (const control of document.querySelectorAll(
      '.top-bar :is(button, summary, input), .pane-bar :is(button, summary)',
    )) {
      if (!shown(control)) continue; // in a closed menu or dialog, or in focus mode
      const box = control.getBoundingClientRect();
      if (box.left < 0 || box.right > width + 0.5) {
        problems.push(`${control.getAttribute('aria-label') ?? control.textContent} is cut off`);
      }
    }
    const text = document.querySelector('main.center .reader-text');
    if (text && shown(text) && text.getBoundingClientRect().width < minText) {
      problems.push(`the reader's text is ${text.getBoundingClientRect().width}px wide`);
    }
    return problems;
  }, readableWidth);
}

async function widthOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  expect(box, 'the element should be laid out').not.toBeNull();
  return Math.round(box!.width);
}

test('from 700×500 to 2560×1440, in English and Persian: the reader stays readable, panes never overlap, nothing scrolls sideways', async ({
  page,
  dossier,
}) => {
  await startWithArticles(page, dossier);
  const sizes = [
    { width: 700, height: 500 },
    { width: 900, height: 600 },
    { width: 999, height: 700 },
    { width: 1000, height: 700 },
    { width: 1400, height: 900 },
    { width: 2560, height: 1440 },
  ];
  for (const size of sizes) {
    await page.setViewportSize(size);
    const narrow = size.width < narrowBelow;
    await expect(columns(page)).toHaveAttribute('data-layout', narrow ? 'narrow' : 'wide');
    for (const article of [english, persian]) {
      await openArticle(page, article);
      await expect(reader(page)).toBeVisible();
      await expect.poll(() => layoutProblems(page), `${size.width}×${size.height}`).toEqual([]);
      if (narrow) {
        // One pane at a time.
        await expect(library(page)).toBeHidden();
        await expect(sidePanel(page)).toBeHidden();
      } else {
        await expect(library(page)).toBeVisible();
        await expect(sidePanel(page)).toBeVisible();
        expect(await widthOf(reader(page))).toBeGreaterThanOrEqual(readerMinWidth);
      }
    }
    await page.screenshot({
      path: path.join(screens, `layout-${size.width}x${size.height}-persian.png`),
    });
    if (size.width === 1400) {
      await openArticle(page, english);
      await page.screenshot({ path: path.join(screens, 'wide-1400x900.png') });
    }
  }
});

test('a narrow window shows one pane at a time: tabs, and opening an article or a note goes to its tab', async ({
  page,
  dossier,
}) => {
  await page.setViewportSize({ width: 700, height: 500 });
  await startWithArticles(page, dossier);
  const tabs = page.getByRole('tablist', { name: 'Panes' });
  const tab = (name: string) => tabs.getByRole('tab', { name });
  await expect(tab('Reader')).toHaveAttribute('aria-selected', 'true');

  await tab('Library').click();
  await expect(tab('Library')).toHaveAttribute('aria-selected', 'true');
  await expect(library(page)).toBeVisible();
  await expect(reader(page)).toBeHidden();

  // Opening an article shows the reader.
  await page.getByTestId('source-item').filter({ hasText: persian.title }).click();
  await expect(tab('Reader')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('reader-title')).toBeVisible();
  await expect(library(page)).toBeHidden();

  // A new note opens beside the passages.
  await tab('Library').click();
  await page.getByTestId('new-note').click();
  await expect(tab('Passages & note')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('note-title')).toBeVisible();
  await expect(reader(page)).toBeHidden();
  await page.screenshot({ path: path.join(screens, 'narrow-700x500-note.png') });

  // The arrow keys move between the tabs.
  await tab('Passages & note').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tab('Reader')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('Reader')).toBeFocused();
  await expect(reader(page)).toBeVisible();
  await page.keyboard.press('Home');
  await expect(tab('Library')).toHaveAttribute('aria-selected', 'true');

  // Search results show where the reader is.
  await page.getByTestId('search-input').fill('کتابخانه');
  await expect(tab('Reader')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await expect.poll(() => layoutProblems(page)).toEqual([]);
});

test('splitters resize the panes by keyboard and by mouse, keep the reader readable, and are remembered', async ({
  page,
  dossier,
  context,
}) => {
  const running = await startWithArticles(page, dossier);
  await openArticle(page, english);
  const librarySplitter = splitter(page, 'library');
  const sideSplitter = splitter(page, 'side panel');
  await expect(librarySplitter).toHaveAttribute('aria-orientation', 'vertical');
  const libraryWidth = await widthOf(library(page));
  const sideWidth = await widthOf(sidePanel(page));
  await expect(librarySplitter).toHaveAttribute('aria-valuenow', String(libraryWidth));

  // Keyboard: Right widens the library by 16 px a press.
  await librarySplitter.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(librarySplitter).toHaveAttribute('aria-valuenow', String(libraryWidth + 32));
  expect(await widthOf(library(page))).toBe(libraryWidth + 32);

  // Mouse: dragging the side panel's splitter 100 px to the left widens the side panel.
  const grip = (await sideSplitter.boundingBox())!;
  await page.mouse.move(grip.x + 0.5, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x - 50, grip.y + grip.height / 2, { steps: 4 });
  await page.mouse.move(grip.x - 99.5, grip.y + grip.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(sideSplitter).toHaveAttribute('aria-valuenow', String(sideWidth + 100));
  expect(await widthOf(sidePanel(page))).toBe(sideWidth + 100);

  // The sizes survive a reload, and a new window starts from them.
  await page.reload();
  await expect(page.getByTestId('reader-title')).toBeVisible();
  expect(await widthOf(library(page))).toBe(libraryWidth + 32);
  expect(await widthOf(sidePanel(page))).toBe(sideWidth + 100);
  const second = await context.newPage();
  await second.setViewportSize({ width: 1400, height: 900 });
  await second.goto(running.url);
  await expect(second.getByTestId('reader-title')).toBeVisible();
  expect(await widthOf(library(second))).toBe(libraryWidth + 32);
  await second.close();

  // Dragging far into the reader stops where the reader keeps its minimum.
  const libraryGrip = (await librarySplitter.boundingBox())!;
  await page.mouse.move(libraryGrip.x + 0.5, libraryGrip.y + 300);
  await page.mouse.down();
  await page.mouse.move(libraryGrip.x + 900, libraryGrip.y + 300, { steps: 6 });
  await page.mouse.up();
  expect(await widthOf(reader(page))).toBeGreaterThanOrEqual(readerMinWidth);
  await expect.poll(() => layoutProblems(page)).toEqual([]);

  // A narrower window: the panes give way, not the reader.
  await page.setViewportSize({ width: narrowBelow, height: 700 });
  await expect.poll(() => widthOf(reader(page))).toBeGreaterThanOrEqual(readerMinWidth);
  await expect.poll(() => layoutProblems(page)).toEqual([]);
  await page.setViewportSize({ width: 1400, height: 900 });

  // A double click gives the pane its first width back.
  await librarySplitter.dblclick();
  await expect(librarySplitter).toHaveAttribute('aria-valuenow', String(libraryWidth));
});

test('the library and the side panel hide and come back: buttons, shortcuts and the splitter keys', async ({
  page,
  dossier,
}) => {
  await startWithArticles(page, dossier);
  await openArticle(page, persian);
  const readerWidth = await widthOf(reader(page));

  await page.getByRole('button', { name: 'Hide library' }).click();
  await expect(library(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show library' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect.poll(() => widthOf(reader(page))).toBeGreaterThan(readerWidth);
  await page.keyboard.press('Control+Alt+KeyB');
  await expect(library(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide library' })).toBeVisible();

  // Home on the splitter hides its pane, End brings it back.
  await splitter(page, 'side panel').focus();
  await page.keyboard.press('Home');
  await expect(sidePanel(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show side panel' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(sidePanel(page)).toBeVisible();

  // Hidden stays hidden after a reload; a new note brings the side panel back.
  await page.keyboard.press('Control+Alt+KeyP');
  await expect(sidePanel(page)).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('reader-title')).toBeVisible();
  await expect(sidePanel(page)).toBeHidden();
  await page.keyboard.press('Control+Alt+KeyN');
  await expect(sidePanel(page)).toBeVisible();
  await expect(page.getByTestId('note-title')).toBeVisible();
});

test('focus mode leaves the article alone on screen; Esc, the button and the shortcut leave it', async ({
  page,
  dossier,
}) => {
  await startWithArticles(page, dossier);
  await openArticle(page, english);
  const focus = page.getByRole('button', { name: 'Focus mode' });
  await expect(focus).toHaveAttribute('aria-pressed', 'false');

  await focus.click();
  await expect(focus).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('search-input')).toBeHidden();
  await expect(library(page)).toBeHidden();
  await expect(sidePanel(page)).toBeHidden();
  await expect(page.getByTestId('reader-title')).toBeVisible();
  await expect.poll(() => layoutProblems(page)).toEqual([]);
  await page.screenshot({ path: path.join(screens, 'focus-1400x900.png') });

  await page.keyboard.press('Escape');
  await expect(focus).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('search-input')).toBeVisible();
  await expect(library(page)).toBeVisible();
  await expect(sidePanel(page)).toBeVisible();

  await page.keyboard.press('Control+Alt+KeyF');
  await expect(focus).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+Alt+KeyF');
  await expect(focus).toHaveAttribute('aria-pressed', 'false');

  // Searching from focus mode brings the search box back with the cursor in it.
  await focus.click();
  await page.locator('body').press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await expect(focus).toHaveAttribute('aria-pressed', 'false');

  // The help screen lists the new keys.
  await page.getByLabel('Keyboard shortcuts').click();
  await expect(page.locator('.shortcut-help')).toContainText('Focus mode');
  await expect(page.locator('.shortcut-help')).toContainText('Ctrl+Alt+B');
});

test('reading settings change the reader’s font size and line width, and are remembered', async ({
  page,
  dossier,
}) => {
  await startWithArticles(page, dossier);
  await openArticle(page, english);
  const text = page.locator('main.center .reader-text');
  const fontSize = () => text.evaluate((element) => getComputedStyle(element).fontSize);
  await expect.poll(fontSize).toBe('18px');
  const mediumWidth = await widthOf(text);

  await page.getByLabel('Reading settings').click();
  const slider = page.getByTestId('reading-font-size');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(fontSize).toBe('22px');
  await expect(page.getByTestId('reading-settings')).toContainText('22 px');

  await page.getByRole('radio', { name: 'Narrow' }).check();
  // 45 characters of a 22 px font are narrower than 60 of an 18 px one.
  await expect.poll(() => widthOf(text)).toBeLessThan(mediumWidth);
  const narrowWidth = await widthOf(text);

  await page.reload();
  await expect(page.getByTestId('reader-title')).toBeVisible();
  await expect.poll(fontSize).toBe('22px');
  expect(await widthOf(text)).toBe(narrowWidth);
});
