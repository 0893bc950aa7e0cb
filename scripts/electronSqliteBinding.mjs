// better-sqlite3 in node_modules is built for Node (tests, CLI, browser mode).
// Electron needs its own ABI: build a second copy of the binding beside the app,
// never in a postinstall (that would break offline installs).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export function ensureElectronSqliteBinding(root, version) {
  const target = path.join(root, 'out', 'native', `electron-${version}`, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  const work = path.join(root, 'out', 'native', 'build');
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true });
  console.error(`Building the SQLite binding for Electron ${version} (once)…`);
  // The user's npm config may point node-gyp at Node's headers; Electron needs its own.
  const env = { ...process.env };
  delete env.npm_config_nodedir;
  // npm tells its scripts where its own node-gyp is.
  const nodeGyp = process.env.npm_config_node_gyp;
  if (!nodeGyp) throw new Error('Run this through npm (npm start) so node-gyp can be found.');
  execFileSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${version}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, stdio: 'inherit', env },
  );
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
  return target;
}
