/**
 * Launching the Electron app for a spec, where an Electron binary exists.
 * Elsewhere each Electron spec skips with the same reason; browser mode
 * covers the same interface.
 */
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { buildElectronApp, findElectronBinary } from '../../../scripts/electronBinary.mjs';
import { repoRoot } from './dossierServer';

export const electronBinary = findElectronBinary(repoRoot);

export const electronSkipReason =
  'No Electron binary on this machine (its download is not possible here): ' +
  'the Electron window is not tested; browser mode covers the same interface.';

/** Builds the app (main, preload, renderer, SQLite binding) and opens it on `databaseFile`. */
export function launchElectronApp(databaseFile: string): Promise<ElectronApplication> {
  if (!electronBinary) throw new Error(electronSkipReason);
  const electronEnv = buildElectronApp(repoRoot);
  return electron.launch({
    executablePath: electronBinary,
    args: [repoRoot],
    cwd: repoRoot,
    env: { ...process.env, DOSSIER_DB: databaseFile, ...electronEnv },
  });
}
