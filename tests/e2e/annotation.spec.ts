/**
 * Annotating as richly as Hypothesis: the selection toolbar, colours and their
 * names, comments (searchable), the colour filter, overlapping passages,
 * marking by keyboard, copying with a citation, and Persian whose letters stay
 * joined.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { callApi } from './support/api';
import { expect, repoRoot, test } from './support/dossierServer';
import { selectInReader } from './support/reader';

const newsPage = path.join(repoRoot, 'tests', 'fixtures', 'web', 'english-news.html');
const newsTitle = 'Northern quay to close for repairs after storms';
const screenshots = path.join(repoRoot, 'test-results', 'annotation');

const persian = {
  title: 'بازار کتاب در تهران',
  text: [
    'بازار کتاب در تهران',
    'نمایشگاه کتاب تهران امسال با حضور صدها ناشر برگزار شد. بسیاری از بازدیدکنندگان می‌گفتند قیمت کتاب نسبت به سال گذشته بسیار بالاتر رفته است.',
    'یکی از ناشران جوان می‌گوید کاغذ گران شده و چاپ کتاب‌های حجیم دیگر به‌صرفه نیست. او امیدوار است کتاب‌های الکترونیکی بخشی از این کمبود را جبران کنند.',
    'با این حال، کتاب‌فروشی‌های کوچک محله هنوز پاتوق دانشجویان و نویسندگان است.',
  ].join('\n\n'),
};

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Selection' });
const passageItem = (page: Page, text: string) =>
  page.getByTestId('passage-item').filter({ hasText: text });
const readerText = (page: Page) => page.getByTestId('reader-text');

/** A point on the first, middle or last letter of `text` in the reader, scrolled into view. */
async function pointOf(page: Page, text: string, edge: 'start' | 'end' | 'middle') {
  const point = await page.evaluate(
    ([needle, side]) => {
      const blocks = document.querySelectorAll('[data-testid="reader-text"] [data-block-start]');
      for (const block of blocks) {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text) {
          const index = node.data.indexOf(needle);
          if (index < 0) continue;
          block.scrollIntoView({ block: 'center' });
          const at =
            side === 'end'
              ? index + needle.length - 1
              : side === 'start'
                ? index
                : index + Math.floor(needle.length / 2);
          const letter = document.createRange();
          letter.setStart(node, at);
          letter.setEnd(node, at + 1);
          const rect = letter.getClientRects()[0]!;
          const x =
            side === 'start'
              ? rect.left + 1
              : side === 'end'
                ? rect.right - 1
                : (rect.left + rect.right) / 2;
          return { x, y: (rect.top + rect.bottom) / 2 };
        }
      }
      return null;
    },
    [text, edge] as const,
  );
  expect(point, `"${text}" should be in one text node of the reader`).not.toBeNull();
  return point!;
}

/** Selects words by dragging the mouse over them, as the analyst does. */
async function dragSelect(page: Page, text: string): Promise<void> {
  const from = await pointOf(page, text, 'start');
  const to = await pointOf(page, text, 'end');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await expect
    .poll(() => page.evaluate(() => document.getSelection()?.toString().trim()))
    .toBe(text);
}

function highlightSize(page: Page, name: string): Promise<number> {
  return page.evaluate((highlight) => CSS.highlights.get(highlight)?.size ?? 0, name);
}

/** The flash of a passage just opened has faded (for a screenshot of the colours themselves). */
async function noFlash(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('passage-flash'))).toBe(false);
}

async function openNews(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('import-file-input').setInputFiles(newsPage);
  await page.getByTestId('source-item').filter({ hasText: newsTitle }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(newsTitle);
}

/** The side panel scrolled to its top, where the colour filter is. */
async function screenshotPanel(page: Page, file: string): Promise<void> {
  const panel = page.getByRole('complementary', { name: 'Passages and note' });
  await panel.locator('.passages-section').evaluate((section) => section.scrollTo(0, 0));
  await panel.screenshot({ path: path.join(screenshots, file) });
}

async function saveComment(editor: Locator, text: string): Promise<void> {
  await editor.fill(text);
  await editor.press('Control+Enter');
  await expect(editor).toHaveCount(0);
}

test('the selection toolbar marks in colours, comments, filters, names colours, tells overlaps apart and copies a citation', async ({
  page,
  dossier,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openNews(page, (await dossier.start()).url);

  // Select by mouse: the toolbar appears beside the words.
  const green = 'northern quay would close for repairs';
  await dragSelect(page, green);
  await expect(toolbar(page)).toBeVisible();
  await expect(page.getByTestId('selection-mark')).toBeVisible();
  await expect(page.getByTestId('selection-copy')).toBeVisible();
  await page.screenshot({ path: path.join(screenshots, 'selection-toolbar.png') });

  // Mark it green: drawn in green, listed in green.
  await page.getByTestId('selection-color-green').click();
  const greenItem = passageItem(page, green);
  await expect(greenItem).toHaveAttribute('data-color', 'green');
  await expect(greenItem.getByTestId('passage-color')).toHaveAttribute(
    'aria-label',
    'Colour: green',
  );
  await expect.poll(() => highlightSize(page, 'passage-green')).toBe(1);
  expect(await page.evaluate(() => CSS.highlights.has('passage-yellow'))).toBe(false);
  await expect(toolbar(page)).toHaveCount(0);

  // Comment… marks in the default colour and opens a comment box beside the passage.
  const commented = 'Ferries will use the southern quay';
  await dragSelect(page, commented);
  await page.getByTestId('selection-comment').click();
  const commentBox = page.getByTestId('selection-comment-box');
  await expect(commentBox).toBeVisible();
  await saveComment(commentBox.getByTestId('comment-editor'), 'Check against the tidal surveys');
  const commentedItem = passageItem(page, commented);
  await expect(commentedItem).toHaveAttribute('data-color', 'yellow');
  await expect(commentedItem.getByTestId('passage-comment')).toHaveText(
    'Check against the tidal surveys',
  );

  // Edit it in the panel: Esc leaves it as it was, Ctrl+Enter keeps the new words.
  await commentedItem.getByTestId('edit-comment').click();
  const panelEditor = commentedItem.getByTestId('comment-editor');
  await expect(panelEditor).toHaveValue('Check against the tidal surveys');
  await panelEditor.fill('Not kept');
  await panelEditor.press('Escape');
  await expect(commentedItem.getByTestId('passage-comment')).toHaveText(
    'Check against the tidal surveys',
  );
  await expect(commentedItem.getByTestId('edit-comment')).toBeFocused();
  await commentedItem.getByTestId('edit-comment').click();
  await saveComment(
    commentedItem.getByTestId('comment-editor'),
    'Compare with the harbour tidal surveys of 2025',
  );
  await expect(commentedItem.getByTestId('passage-comment')).toHaveText(
    'Compare with the harbour tidal surveys of 2025',
  );

  // The comment is searched: a word only it has finds the passage.
  await page.getByTestId('search-input').fill('surveys');
  const passageHit = page.getByTestId('search-group-passage').getByTestId('search-hit');
  await expect(passageHit).toHaveCount(1);
  await passageHit.click();
  await expect(page.getByTestId('reader')).toBeVisible();
  await expect(commentedItem).toHaveClass(/is-focused/);

  // Filter by colour: chips with counts; green alone shows the green passage.
  const greenChip = page.getByTestId('color-filter-green');
  await expect(greenChip).toContainText('Green1');
  await expect(page.getByTestId('color-filter-yellow')).toContainText('Yellow1');
  await greenChip.click();
  await expect(greenChip).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('passage-item')).toHaveCount(1);
  await expect(page.getByTestId('passage-item')).toHaveAttribute('data-color', 'green');
  await greenChip.click();
  await expect(page.getByTestId('passage-item')).toHaveCount(2);

  // Name green "evidence": the chip and the toolbar's swatch say so.
  await page.getByTestId('name-colors').click();
  const dialog = page.getByTestId('name-colors-dialog');
  await dialog.getByTestId('color-label-green').fill('evidence');
  await dialog.getByTestId('name-colors-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(greenChip).toContainText('evidence1');
  await expect(greenItem.getByTestId('passage-color')).toHaveAttribute(
    'aria-label',
    'Colour: green (\u2068evidence\u2069)',
  );

  // The colour row from the keyboard: its keys stay in it (End does not leave for the list's
  // last passage), and Esc closes it with the colour unchanged.
  await greenItem.getByTestId('passage-color').click();
  await expect(greenItem.getByTestId('passage-color-green')).toBeFocused();
  await page.keyboard.press('End');
  await expect(greenItem.getByTestId('passage-color-purple')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(greenItem.getByTestId('passage-color-choice')).toHaveCount(0);
  await expect(greenItem.getByTestId('passage-color')).toBeFocused();
  await expect(greenItem).toHaveAttribute('data-color', 'green');

  // Two overlapping passages, blue and pink.
  const blue = 'Fishing boats will moor';
  const pink = 'boats will moor at the old pier';
  await dragSelect(page, blue);
  await expect(page.getByTestId('selection-color-green')).toHaveAttribute(
    'aria-label',
    'Mark green (\u2068evidence\u2069)',
  );
  await page.getByTestId('selection-color-blue').click();
  await expect(passageItem(page, blue)).toHaveAttribute('data-color', 'blue');
  await dragSelect(page, pink);
  await page.getByTestId('selection-color-pink').click();
  await expect(passageItem(page, pink)).toHaveAttribute('data-color', 'pink');
  await expect.poll(() => highlightSize(page, 'passage-overlap')).toBe(1);
  expect(
    await page.evaluate(() =>
      CSS.highlights.get('passage-overlap')!.values().next().value!.toString(),
    ),
  ).toBe('boats will moor');

  // A click in the overlap offers both; choosing one opens it in the panel.
  await noFlash(page);
  const overlapPoint = await pointOf(page, 'will m', 'middle');
  await page.mouse.click(overlapPoint.x, overlapPoint.y);
  const chooser = page.getByRole('menu', { name: 'Passages here' });
  await expect(chooser.getByRole('menuitem')).toHaveCount(2);
  await expect(chooser.getByRole('menuitem').nth(0)).toContainText(blue);
  await expect(chooser.getByRole('menuitem').nth(1)).toContainText('pink');
  await expect(chooser.getByRole('menuitem').nth(0)).toBeFocused();
  await page.screenshot({ path: path.join(screenshots, 'overlapping-highlights.png') });
  await chooser.getByRole('menuitem').nth(1).click();
  await expect(chooser).toHaveCount(0);
  await expect(passageItem(page, pink)).toHaveClass(/is-focused/);

  // A click on a passage alone opens it at once.
  const greenPoint = await pointOf(page, 'would', 'middle');
  await page.mouse.click(greenPoint.x, greenPoint.y);
  await expect(greenItem).toHaveClass(/is-focused/);
  await expect(chooser).toHaveCount(0);

  // One letter is no passage: the buttons that mark say why, and M only says it again.
  await selectInReader(page, 'a');
  const markButton = page.getByTestId('selection-mark');
  await expect(markButton).toHaveAttribute('aria-disabled', 'true');
  await expect(markButton).toHaveAttribute('aria-description', /too short to be a passage/);
  await expect(page.getByTestId('selection-comment')).toHaveAttribute('aria-disabled', 'true');
  await markButton.click({ force: true });
  await page.keyboard.press('m');
  await expect(page.getByTestId('toast').filter({ hasText: 'too short' })).toBeVisible();
  await expect(page.getByTestId('passage-item')).toHaveCount(4);

  // Copy with citation: the words in quotation marks, then the title, site and date.
  const quote = 'Safety comes first';
  await dragSelect(page, quote);
  await page.getByTestId('selection-copy').click();
  await expect(
    page.getByTestId('toast').filter({ hasText: 'Copied with its citation' }),
  ).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(
    new RegExp(
      `^“${quote}” — ${newsTitle}, The Coastal Herald, (February 10, 2026|10 February 2026)$`,
    ),
  );
  await expect(page.getByTestId('passage-item')).toHaveCount(4);

  await screenshotPanel(page, 'passages-panel-english.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await pointOf(page, 'will m', 'middle');
  await noFlash(page);
  await page.screenshot({ path: path.join(screenshots, 'overlapping-highlights-dark.png') });
});

test('by keyboard alone: focus the text, Shift+arrows select, M marks, Tab reaches the toolbar', async ({
  page,
  dossier,
}) => {
  await openNews(page, (await dossier.start()).url);
  const text = readerText(page);
  await text.focus();
  // A caret at the start of the first block in sight (the title), where Shift+arrows begin.
  for (let press = 0; press < 'Northern quay'.length; press++) {
    await page.keyboard.press('Shift+ArrowRight');
  }
  // The title is at the top of the reader: no room above it, so the toolbar is below.
  await expect(toolbar(page)).toHaveAttribute('data-side', 'below');
  await page.keyboard.press('m');
  await expect(passageItem(page, 'Northern quay')).toHaveAttribute('data-color', 'yellow');
  await expect(text).toBeFocused();

  // The selection goes on from the passage's end; Tab reaches the toolbar, arrows its colours.
  for (let press = 0; press < ' to close'.length; press++) {
    await page.keyboard.press('Shift+ArrowRight');
  }
  await expect(toolbar(page)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('selection-mark')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('selection-color-green')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('passage-item').filter({ hasText: /^to close/ })).toHaveAttribute(
    'data-color',
    'green',
  );
  await expect(text).toBeFocused();

  // Esc closes the toolbar and leaves the selection.
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(toolbar(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toolbar(page)).toHaveCount(0);
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(' for ');
});

test('Persian: marked and commented in Persian, its letters stay joined', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  const reply = await callApi(running, 'importText', persian);
  expect(reply.body.ok, JSON.stringify(reply.body)).toBe(true);
  await page.goto(running.url);
  await page.getByTestId('source-item').filter({ hasText: persian.title }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(persian.title);

  const claim = 'قیمت کتاب نسبت به سال گذشته بسیار بالاتر رفته است';
  await selectInReader(page, claim);
  await page.getByTestId('selection-comment').click();
  await saveComment(
    page.getByTestId('selection-comment-box').getByTestId('comment-editor'),
    'این ادعا به آمار رسمی نیاز دارد.',
  );
  const item = passageItem(page, claim);
  await expect(item.getByTestId('passage-comment')).toHaveText('این ادعا به آمار رسمی نیاز دارد.');
  await expect(item.getByTestId('passage-comment')).toHaveAttribute('dir', 'auto');

  const second = 'کاغذ گران شده';
  await selectInReader(page, second);
  await page.getByTestId('selection-color-purple').click();
  await expect(passageItem(page, second)).toHaveAttribute('data-color', 'purple');
  await page.getByTestId('name-colors').click();
  await page.getByTestId('color-label-purple').fill('شاهد');
  await page.getByTestId('name-colors-save').click();
  await expect(page.getByTestId('color-filter-purple')).toContainText('شاهد');

  // Marks are drawn over the text, never inside it: each paragraph holds only its text.
  await expect.poll(() => highlightSize(page, 'passage')).toBe(2);
  const elementsInParagraphs = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="reader-text"] [data-block-start]')].map(
      (block) => block.children.length,
    ),
  );
  expect(elementsInParagraphs).toEqual([0, 0, 0, 0]);

  await noFlash(page);
  await page.screenshot({ path: path.join(screenshots, 'persian.png') });
  await screenshotPanel(page, 'passages-panel-persian.png');
});
