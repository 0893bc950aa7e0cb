import type { Page } from '@playwright/test';

/** How many ranges the page draws under a CSS Custom Highlight (e.g. `passage`). */
export function highlightCount(page: Page, name: string): Promise<number> {
  return page.evaluate((highlight) => CSS.highlights.get(highlight)?.size ?? 0, name);
}
