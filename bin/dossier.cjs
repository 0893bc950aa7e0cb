#!/usr/bin/env node
// Runs the dossier command: compiled (npm run build:cli) while that build is
// newer than every source file, else the TypeScript sources through tsx, so
// `npx dossier` works right after `npm ci` and never runs stale code.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'out/cli/main.cjs');

function newestSourceTime(folder) {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    const time = entry.isDirectory() ? newestSourceTime(file) : fs.statSync(file).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

function compiledIsCurrent() {
  const built = fs.statSync(compiled, { throwIfNoEntry: false });
  return built !== undefined && built.mtimeMs >= newestSourceTime(path.join(root, 'src'));
}

async function loadCli() {
  if (compiledIsCurrent()) return require(compiled);
  await require('./registerTsx.cjs').registerTsx();
  return require('../src/cli/main.ts');
}

loadCli()
  .then((cli) => cli.runCli(process.argv.slice(2)))
  .then(
    (exitCode) => {
      process.exitCode = exitCode;
    },
    (error) => {
      process.stderr.write(
        `dossier: internal error: ${error && error.stack ? error.stack : error}\n`,
      );
      process.exitCode = 70;
    },
  );
