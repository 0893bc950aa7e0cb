import { expect, type Page } from '@playwright/test';

/**
 * Selects `text` inside the reader the way a user's drag leaves the DOM
 * selection, once the reader shows it (a source just clicked is still loading).
 */
export async function selectInReader(page: Page, text: string): Promise<void> {
  const select = () =>
    page.evaluate((needle) => {
      for (const block of document.querySelectorAll('[data-testid="reader"] [data-block-start]')) {
        const node = block.firstChild;
        const index = node?.textContent?.indexOf(needle) ?? -1;
        if (node && index >= 0) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + needle.length);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return true;
        }
      }
      return false;
    }, text);
  await expect.poll(select, { message: `"${text}" should be in one reader block` }).toBe(true);
}
