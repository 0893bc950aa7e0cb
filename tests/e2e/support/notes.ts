import type { Locator, Page } from '@playwright/test';

/** Starts a new note with a title and puts the cursor in its editor. */
export async function startNote(page: Page, title: string): Promise<Locator> {
  await page.getByTestId('new-note').click();
  await page.getByTestId('note-title').fill(title);
  const editor = page.getByTestId('note-editor');
  await editor.click();
  return editor;
}
