/**
 * The Electron window itself, where an Electron binary exists. Elsewhere the
 * test reports why it is skipped; browser mode covers the same interface.
 */
import { _electron as electron } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, repoRoot, test } from './support/dossierServer';
import { findElectronBinary } from '../../scripts/electronBinary.mjs';
import { ensureElectronSqliteBinding } from '../../scripts/electronSqliteBinding.mjs';

const electronBinary = findElectronBinary(repoRoot);
const skipReason =
  'No Electron binary on this machine (its download is not possible here): ' +
  'the Electron window is not tested; browser mode covers the same interface.';

test.skip(!electronBinary, skipReason);
if (!electronBinary) console.log(`electron.spec: skipped: ${skipReason}`);

test('opens a secure window on the notebook', async () => {
  execFileSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  const sqliteBinding = ensureElectronSqliteBinding(repoRoot);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'dossier-electron-'));
  try {
    const app = await electron.launch({
      executablePath: electronBinary,
      args: [repoRoot],
      cwd: repoRoot,
      env: {
        ...process.env,
        DOSSIER_DB: path.join(folder, 'notebook.db'),
        DOSSIER_SQLITE_BINDING: sqliteBinding,
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
