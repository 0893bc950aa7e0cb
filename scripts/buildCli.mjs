// `npm run build:cli`: the dossier command compiled to plain JavaScript in
// out/cli, so it starts in a third of the time tsx needs to compile the
// TypeScript sources on every run. bin/dossier.cjs uses it while it is newer
// than every source file, and the sources through tsx otherwise.
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages compiled into the command: the contract's schemas load with every
 * command, and zod read from its hundred small files took 40 ms of each start
 * (bundled: about 20 ms less). Every other package is loaded from node_modules
 * as it is needed.
 */
const BUNDLED_PACKAGES = ['zod'];

/** esbuild's `packages: 'external'`, but for `bundled`. */
function externalPackagesBut(bundled) {
  return {
    name: 'external-packages-but',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) => {
        const inside = bundled.some(
          (name) => specifier === name || specifier.startsWith(`${name}/`),
        );
        return inside ? undefined : { path: specifier, external: true };
      });
    },
  };
}

export async function buildCli() {
  const target = path.join(root, 'out', 'cli');
  // Built beside, then swapped in: a command started meanwhile never sees half a build.
  const staging = `${target}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await build({
    entryPoints: {
      main: path.join(root, 'src/cli/main.ts'),
      // The core's worker threads load this file from the folder of the code that starts them.
      workerMain: path.join(root, 'src/coreProcess/workerMain.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [externalPackagesBut(BUNDLED_PACKAGES)],
    outdir: staging,
    outExtension: { '.js': '.cjs' },
    logLevel: 'error',
  });
  // The PDF reader's worker is plain JavaScript, found beside the code that starts it.
  mkdirSync(staging, { recursive: true });
  copyFileSync(
    path.join(root, 'src/core/extract/pdf/pdfTextWorker.mjs'),
    path.join(staging, 'pdfTextWorker.mjs'),
  );
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
