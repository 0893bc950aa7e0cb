/**
 * The Electron window itself, where an Electron binary exists. Elsewhere the
 * test reports why it is skipped; browser mode covers the same interface.
 */
import { _electron as electron } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, repoRoot, test } from './support/dossierServer';
import { buildElectronApp, findElectronBinary } from '../../scripts/electronBinary.mjs';

const electronBinary = findElectronBinary(repoRoot);
const skipReason =
  'No Electron binary on this machine (its download is not possible here): ' +
  'the Electron window is not tested; browser mode covers the same interface.';

test.skip(!electronBinary, skipReason);
if (!electronBinary) console.log(`electron.spec: skipped: ${skipReason}`);

test('opens a secure window on the notebook', async () => {
  const electronEnv = buildElectronApp(repoRoot);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'dossier-electron-'));
  try {
    const app = await electron.launch({
      executablePath: electronBinary,
      args: [repoRoot],
      cwd: repoRoot,
      env: {
        ...process.env,
        DOSSIER_DB: path.join(folder, 'notebook.db'),
        ...electronEnv,
      },
    });
    const window = await app.firstWindow();
    await expect(window.getByTestId('search-input')).toBeVisible();
    const exposure = await window.evaluate(() => ({
      bridge: typeof (window as unknown as { dossier?: unknown }).dossier,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposure).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
    await app.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
