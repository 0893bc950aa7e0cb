/** Lists are walked with the arrow keys; Escape backs out; focus is always visible. */
import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import { expect, test } from './support/dossierServer';

/** The data-testid of the focused element, and whether it draws a visible focus indicator. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : null;
    const visible =
      !!style &&
      ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none');
    return { testId: element?.dataset.testid, text: element?.textContent ?? '', visible };
  });
}

test('arrow keys walk the notes and the search results; Escape goes back to the search box', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  for (const title of ['Ferry schedules', 'Harbour fees', 'Ferry crews']) {
    await callApi(running, 'createNote', { title, text: `About ferry matters: ${title}.` });
  }
  await page.goto(running.url);
  const notes = page.getByTestId('note-item');
  await expect(notes).toHaveCount(3);

  await notes.first().focus();
  await page.keyboard.press('ArrowDown');
  expect((await focused(page)).text).toContain('Harbour fees');
  await page.keyboard.press('End');
  expect((await focused(page)).text).toContain('Ferry schedules');
  await page.keyboard.press('Home');
  const first = await focused(page);
  expect(first.text).toContain('Ferry crews');
  expect(first.visible).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('note-title')).toHaveValue('Ferry crews');

  await page.keyboard.press('/');
  await page.keyboard.type('ferry');
  await expect(page.getByTestId('search-hit')).toHaveCount(3);
  await page.keyboard.press('ArrowDown');
  expect((await focused(page)).testId).toBe('search-hit');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const last = await focused(page);
  expect(last.testId).toBe('search-hit');
  expect(last.visible).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-results')).toHaveCount(0);
});
