/**
 * Long work shows where it stands and can be stopped: a notebook whose search
 * index was built by an older Dossier is rebuilt when it opens, in the
 * background, and the window shows it with a Cancel button.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runDossier } from './support/cli';
import { expect, repoRoot, test } from './support/dossierServer';

test.beforeAll(() => mkdirSync(path.join(repoRoot, 'screenshots'), { recursive: true }));

test('a stale search index is rebuilt in the background, with progress and Cancel', async ({
  page,
  dossier,
}) => {
  // Enough articles for the rebuild to take several steps, so a cancel is heard between two.
  const folder = mkdtempSync(path.join(os.tmpdir(), 'dossier-articles-'));
  const files = Array.from({ length: 450 }, (_, index) => {
    const file = path.join(folder, `article-${index}.txt`);
    writeFileSync(file, `Dispatch ${index}\n\nThe ferry ${index} leaves at dawn.`);
    return file;
  });
  runDossier(dossier.databaseFile, 'import', ...files);
  rmSync(folder, { recursive: true, force: true });
  const other = new Database(dossier.databaseFile);
  try {
    // As if an older Dossier had built the index with other search keys.
    other.prepare('UPDATE search_index_state SET search_key_version = 0').run();
    // Another writer holds the lock: the rebuild waits at its first step, listening for a cancel.
    other.exec('BEGIN IMMEDIATE');
    const running = await dossier.start();
    await page.goto(running.url);

    const operation = page.getByTestId('operation');
    await expect(operation).toContainText('Rebuilding the search index');
    await page.screenshot({ path: path.join(repoRoot, 'screenshots', 'operation-progress.png') });
    await operation.getByRole('button', { name: 'Cancel' }).click();
    // The rebuild cannot move while the lock is held: the bar goes because it was cancelled.
    await expect(operation).toHaveCount(0);
    other.exec('COMMIT');
  } finally {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
  }

  // Stopped, the index is still stale and check says so; reindex mends it.
  await dossier.stop();
  expect(() => runDossier(dossier.databaseFile, 'check')).toThrow(/dossier reindex/);
  runDossier(dossier.databaseFile, 'reindex');
  expect(runDossier(dossier.databaseFile, 'search', '"ferry 449"')).toContain('Dispatch 449');
});

test('the notebook menu checks the notebook and backs it up to a new file, never over one', async ({
  page,
  dossier,
}) => {
  const running = await dossier.start();
  await page.goto(running.url);
  const backup = path.join(path.dirname(running.databaseFile), 'backup.db');

  await page.getByLabel('Notebook: backup and checks').click();
  await page.screenshot({ path: path.join(repoRoot, 'screenshots', 'notebook-menu.png') });
  await page.getByTestId('check-notebook').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'No problems found' })).toHaveCount(1);

  for (const expected of ['Backed up and verified', 'already exists']) {
    await page.getByLabel('Notebook: backup and checks').click();
    await page.getByTestId('backup-destination').fill(backup);
    await page.getByRole('button', { name: 'Back up', exact: true }).click();
    await expect(page.getByTestId('toast').filter({ hasText: expected })).toHaveCount(1);
  }
  expect(runDossier(backup, 'check')).toContain('No problems found');
});
