/** Whether a page may turn strings into code: its CSP must refuse both `eval` and `new Function`. */
import type { Page } from '@playwright/test';

export interface CodeFromStrings {
  eval: string;
  newFunction: string;
}

/** The error each attempt throws in the page ('ran' when it was allowed). */
export function tryCodeFromStrings(page: Page): Promise<CodeFromStrings> {
  return page.evaluate(() => {
    const attempt = (run: () => unknown): string => {
      try {
        run();
        return 'ran';
      } catch (error) {
        return (error as Error).name;
      }
    };
    return {
      // Indirect eval, so the bundler keeps it as written.
      eval: attempt(() => (0, globalThis.eval)('1')),
      newFunction: attempt(() => new Function('')),
    };
  });
}
