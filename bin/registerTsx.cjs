// Lets this thread run the TypeScript sources through tsx: its require() hook,
// and its ESM hooks for the modules the sources load with import() (see
// src/core/extract/extractDocument.ts). Hooks are per thread: the command and
// each worker thread it starts from the sources call this first.
async function registerTsx() {
  require('tsx/cjs');
  const { register } = await import('tsx/esm/api');
  register();
}

module.exports = { registerTsx };
