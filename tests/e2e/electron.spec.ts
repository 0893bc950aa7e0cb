/**
 * The Electron window itself, where an Electron binary exists. Elsewhere the
 * test reports why it is skipped; browser mode covers the same interface.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDossier } from './support/cli';
import { expect, test } from './support/dossierServer';
import { electronBinary, electronSkipReason, launchElectronApp } from './support/electronApp';

test.skip(!electronBinary, electronSkipReason);
if (!electronBinary) console.log(`electron.spec: skipped: ${electronSkipReason}`);

test('opens a secure window on the notebook, whose core runs in utility processes', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'dossier-electron-'));
  const databaseFile = path.join(folder, 'notebook.db');
  try {
    const app = await launchElectronApp(databaseFile);
    const window = await app.firstWindow();
    await expect(window.getByTestId('search-input')).toBeVisible();
    const exposure = await window.evaluate(() => ({
      bridge: typeof (window as unknown as { dossier?: unknown }).dossier,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposure).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });

    // The core answers from its own processes, not main's thread.
    const services = await app.evaluate(({ app: electronApp }) =>
      electronApp
        .getAppMetrics()
        .map((metric) => metric.serviceName ?? '')
        .filter((name) => name.startsWith('Dossier notebook')),
    );
    expect(services.sort()).toEqual(['Dossier notebook reader', 'Dossier notebook writer']);

    // Calls go through the bridge and the utility processes; changes reach the window.
    await window.getByTestId('paste-text-button').click();
    await window.getByTestId('paste-text-input').fill('Through the bridge\n\nIt works.');
    await window.getByTestId('paste-text-submit').click();
    await expect(
      window.getByTestId('source-item').filter({ hasText: 'Through the bridge' }),
    ).toHaveCount(1);

    // A write from another process (the CLI) shows without a reload.
    runDossier(databaseFile, 'note', 'add', '--title', 'From the terminal');
    await expect(
      window.getByTestId('note-item').filter({ hasText: 'From the terminal' }),
    ).toHaveCount(1, { timeout: 3000 });
    await app.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
