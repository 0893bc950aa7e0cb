/**
 * The rest of rich text in notes: strikethrough, inline code, check lists,
 * code blocks, rules and links, from the keyboard and the toolbar, kept after
 * a reload; rich paste cleaned to what notes hold; each paragraph running in
 * its own text's direction.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/dossierServer';
import { startNote } from './support/notes';

async function reopenNote(page: Page, title: string): Promise<Locator> {
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.reload();
  await page.getByTestId('note-item').filter({ hasText: title }).click();
  return page.getByTestId('note-editor');
}

/** Pastes `html` (with `text` as its plain form) into the focused editor, as a browser or Word would. */
async function pasteHtml(page: Page, html: string, text: string): Promise<void> {
  await page.evaluate(
    ({ html, text }) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', text);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { html, text },
  );
}

test('keyboard only: shortcuts and Markdown triggers make every new kind, kept after a reload', async ({
  page,
  dossier,
}) => {
  const { url } = await dossier.start();
  await page.goto(url);
  const editor = await startNote(page, 'Keyboard rich text');
  const type = (text: string) => page.keyboard.type(text);

  await page.keyboard.press('Control+Shift+X');
  await type('struck');
  await page.keyboard.press('Control+Shift+X');
  await type(' then ');
  await page.keyboard.press('Control+E');
  await type('npm test');
  await page.keyboard.press('Control+E');
  await type(' and ~~gone~~ and `x = 1` end');
  await expect(editor.locator('.note-strikethrough')).toHaveText(['struck', 'gone']);
  await expect(editor.locator('code.note-code, .note-code')).toHaveText(['npm test', 'x = 1']);
  // The search (Ctrl+K) stays closed while Ctrl+Shift+K edits a link.
  await page.keyboard.press('Enter');
  await type('Docs');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+Shift+K');
  const address = page.getByTestId('link-url');
  await expect(address).toBeFocused();
  await address.fill('javascript:alert(1)');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('http, https and mailto');
  await address.fill('https://example.org/docs');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('link-editor')).toHaveCount(0);
  await expect(editor).toBeFocused();
  const link = editor.locator('a.note-link');
  await expect(link).toHaveText('Docs');
  await expect(link).toHaveAttribute('href', 'https://example.org/docs');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await type('[ ] Call the harbour');
  await page.keyboard.press('Enter');
  await type('Visit the quay');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await type('--- ');
  await type('``` ');
  await type('let depth = 4;');
  await page.keyboard.press('Shift+Enter');
  await type('depth += 1;');

  const checks = editor.locator('ul.note-list-check > li');
  await expect(checks).toHaveText(['Call the harbour', 'Visit the quay']);
  await expect(checks.first()).toHaveAttribute('aria-checked', 'false');
  await expect(editor.locator('hr')).toHaveCount(1);
  await expect(editor.locator('code.note-code-block')).toHaveText('let depth = 4;depth += 1;');
  await expect(editor.locator('code.note-code-block')).toHaveCSS('font-family', /mono/i);

  // Esc cancels without changing the link (a click would open it: the keyboard goes there).
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Shift+K');
  await expect(address).toHaveValue('https://example.org/docs');
  await address.fill('https://elsewhere.example/');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('link-editor')).toHaveCount(0);
  await expect(link).toHaveAttribute('href', 'https://example.org/docs');
  await expect(editor).toBeFocused();

  // A click on the box ticks the item.
  const box = await checks.first().boundingBox();
  await page.mouse.click(box!.x + 6, box!.y + box!.height / 2);
  await expect(checks.first()).toHaveAttribute('aria-checked', 'true');

  const reopened = await reopenNote(page, 'Keyboard rich text');
  await expect(reopened.locator('.note-strikethrough')).toHaveText(['struck', 'gone']);
  await expect(reopened.locator('.note-code')).toHaveText(['npm test', 'x = 1']);
  await expect(reopened.locator('a.note-link')).toHaveAttribute('href', 'https://example.org/docs');
  await expect(reopened.locator('ul.note-list-check > li')).toHaveText([
    'Call the harbour',
    'Visit the quay',
  ]);
  await expect(reopened.locator('ul.note-list-check > li').first()).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(reopened.locator('hr')).toHaveCount(1);
  await expect(reopened.locator('code.note-code-block')).toHaveText('let depth = 4;depth += 1;');
});

test('toolbar buttons make them too; Remove link unlinks; a click on a link opens it in a new window', async ({
  page,
  dossier,
}) => {
  const { url } = await dossier.start();
  await page.goto(url);
  const editor = await startNote(page, 'Toolbar rich text');
  const button = (name: string) => page.getByTestId(`format-${name}`);

  await button('strikethrough').click();
  await page.keyboard.type('old');
  await expect(button('strikethrough')).toHaveAttribute('aria-pressed', 'true');
  await button('strikethrough').click();
  await button('code').click();
  await page.keyboard.type('grep');
  await expect(button('code')).toHaveAttribute('aria-pressed', 'true');
  await button('code').click();
  await page.keyboard.press('Enter');
  await button('check-list').click();
  await page.keyboard.type('Task');
  await expect(button('check-list')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await button('rule').click();
  await button('code-block').click();
  await page.keyboard.type('exit 0');
  await expect(button('code-block')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Control+End');
  await expect(editor.locator('.note-strikethrough')).toHaveText('old');
  await expect(editor.locator('.note-code')).toHaveText('grep');
  await expect(editor.locator('ul.note-list-check > li')).toHaveText('Task');
  await expect(editor.locator('hr')).toHaveCount(1);
  await expect(editor.locator('code.note-code-block')).toHaveText('exit 0');

  // A link with no text selected: the address is its text.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await button('link').click();
  await page.getByTestId('link-url').fill(url);
  await page.keyboard.press('Enter');
  const link = editor.locator('a.note-link');
  await expect(link).toHaveText(url);
  await expect(button('link')).toHaveAttribute('aria-pressed', 'true');

  const popup = page.context().waitForEvent('page');
  await link.click();
  await expect.poll(async () => (await popup).url()).toContain(new URL(url).host);
  await (await popup).close();

  await link.click();
  await button('link').click();
  await page.getByTestId('link-remove').click();
  await expect(editor.locator('a')).toHaveCount(0);
  await expect(editor).toContainText(url);
});

test('rich paste keeps headings, lists, quotes, formats, safe links and code; drops the rest', async ({
  page,
  dossier,
}) => {
  const { url } = await dossier.start();
  await page.goto(url);
  const editor = await startNote(page, 'Pasted');
  await page.evaluate(() => {
    (window as unknown as { pwned: boolean }).pwned = false;
  });
  const html = `
    <html><head><style>p { color: red }</style><script>window.pwned = true</script></head><body>
    <h2 style="color: red; font-size: 40px">Pasted heading</h2>
    <p class="MsoNormal"><span style="mso-bidi-font-weight:bold; font-family: Calibri"><b>Bold</b> and <i>italic</i> and <u>under</u> and <s>strike</s> and <code>code</code></span></p>
    <ul><li>Item one</li><li>Item two</li></ul>
    <blockquote>A quote</blockquote>
    <p><a href="https://example.org/safe">safe link</a> <a href="javascript:window.pwned=true">bad link</a></p>
    <p>Picture: <img src="x" onerror="window.pwned = true" alt="img"></p>
    <table><tr><td>Cell A</td><td>Cell B</td></tr></table>
    <iframe src="https://example.org/frame"></iframe>
    <pre><code>echo pasted</code></pre>
    </body></html>`;
  await pasteHtml(page, html, 'Pasted heading');

  await expect(editor.locator('h2')).toHaveText('Pasted heading');
  await expect(editor.locator('strong, .note-bold')).toHaveText('Bold');
  await expect(editor.locator('.note-italic')).toHaveText('italic');
  await expect(editor.locator('.note-underline')).toHaveText('under');
  await expect(editor.locator('.note-strikethrough')).toHaveText('strike');
  await expect(editor.locator('.note-code')).toHaveText('code');
  await expect(editor.locator('ul > li')).toHaveText(['Item one', 'Item two']);
  await expect(editor.locator('blockquote')).toHaveText('A quote');
  await expect(editor.locator('a')).toHaveCount(1);
  await expect(editor.locator('a')).toHaveAttribute('href', 'https://example.org/safe');
  await expect(editor).toContainText('bad link');
  await expect(editor).toContainText('Cell A');
  await expect(editor.locator('code.note-code-block')).toHaveText('echo pasted');
  await expect(editor.locator('img, table, iframe, script, style')).toHaveCount(0);
  // No pasted inline style reaches the note (colours, sizes, Word's mso- rules).
  await expect(editor.locator('[style*="color"], [style*="mso-"], [style*="font"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned: boolean }).pwned)).toBe(false);

  const reopened = await reopenNote(page, 'Pasted');
  await expect(reopened.locator('h2')).toHaveText('Pasted heading');
  await expect(reopened.locator('a')).toHaveAttribute('href', 'https://example.org/safe');
});

test('each paragraph reads in its own direction: Persian right to left, English left to right', async ({
  page,
  dossier,
}, testInfo) => {
  const { url } = await dossier.start();
  await page.goto(url);
  const editor = await startNote(page, 'یادداشت بندر');
  await page.keyboard.type('بندر در شب آرام بود و کشتی‌ها منتظر ماندند.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The harbour was quiet at night.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('``` ');
  await page.keyboard.type('depth = measure("quay")');

  const paragraphs = editor.locator('p');
  await expect(paragraphs).toHaveCount(2);
  await expect(paragraphs.nth(0)).toHaveCSS('direction', 'rtl');
  await expect(paragraphs.nth(1)).toHaveCSS('direction', 'ltr');

  const reopened = await reopenNote(page, 'یادداشت بندر');
  await expect(reopened.locator('p').nth(0)).toHaveCSS('direction', 'rtl');
  await expect(reopened.locator('p').nth(1)).toHaveCSS('direction', 'ltr');
  await expect(reopened.locator('code.note-code-block')).toHaveCSS('direction', 'ltr');
  await page.screenshot({ path: testInfo.outputPath('persian-note.png') });
});
