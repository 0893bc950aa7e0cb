// The Electron side of the project: where its binary is (its download is
// optional) and how the app is built for it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureElectronSqliteBinding } from './electronSqliteBinding.mjs';

export function findElectronBinary(root) {
  const electronDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

export function electronVersion(root) {
  return JSON.parse(
    readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
}

/**
 * Builds main, preload and renderer with electron-vite, and the SQLite binding
 * for Electron's ABI; returns the environment the app needs to find that binding.
 */
export function buildElectronApp(root) {
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  return { DOSSIER_SQLITE_BINDING: ensureElectronSqliteBinding(root, electronVersion(root)) };
}
