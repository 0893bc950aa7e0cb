#!/usr/bin/env node
// Runs the TypeScript CLI directly, so `npx dossier` works right after `npm ci`.
require('tsx/cjs');
const { runCli } = require('../src/cli/main.ts');

runCli(process.argv.slice(2)).then(
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
