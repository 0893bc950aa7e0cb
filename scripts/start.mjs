// `npm start`: the Electron app where an Electron binary exists, else browser mode
// (the same interface served on 127.0.0.1, opened in the default browser).
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from './buildCli.mjs';
import { buildElectronApp, findElectronBinary } from './electronBinary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

function run(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = findElectronBinary(root);
if (electron) {
  run(electron, ['.', ...passThrough], { ...process.env, ...buildElectronApp(root) });
} else {
  console.error(
    'No Electron binary on this machine, so Dossier starts in browser mode: ' +
      'open the address below (it carries this session’s access token).',
  );
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'vite.renderer.config.mts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  await buildCli();
  run(process.execPath, [path.join(root, 'bin/dossier.cjs'), 'serve', '--open', ...passThrough]);
}
