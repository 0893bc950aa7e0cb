/** Whether a page may turn strings into code: its CSP must refuse both `eval` and `new Function`. */
import type { Page } from '@playwright/test';

export interface CodeFromStrings {
  eval: string;
  newFunction: string;
}

/**
 * The error each attempt throws in the page ('ran' when it was allowed). The
 * attempts run in a task of the page's own: code that the DevTools protocol
 * evaluates may turn strings into code whatever the page's policy says.
 */
export function tryCodeFromStrings(page: Page): Promise<CodeFromStrings> {
  return page.evaluate(async () => {
    const attempt = (run: () => unknown): string => {
      try {
        run();
        return 'ran';
      } catch (error) {
        return (error as Error).name;
      }
    };
    await new Promise((resolve) => setTimeout(resolve));
    return {
      eval: attempt(() => (0, globalThis.eval)('1')),
      newFunction: attempt(() => new Function('')),
    };
  });
}
