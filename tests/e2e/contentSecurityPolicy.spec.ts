/** Browser mode enforces the renderer's CSP: the page cannot turn strings into code. */
import { tryCodeFromStrings } from './support/codeFromStrings';
import { expect, test } from './support/dossierServer';

test('the page refuses eval and new Function', async ({ page, dossier }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await page.goto((await dossier.start()).url);
  await expect(page.getByTestId('search-input')).toBeVisible();
  // The app itself lives within its policy: loading it broke none of its rules.
  expect(violations).toEqual([]);

  expect(await tryCodeFromStrings(page)).toEqual({ eval: 'EvalError', newFunction: 'EvalError' });
});
