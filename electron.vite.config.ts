import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import rendererConfig from './vite.renderer.config.mts';

/**
 * The PDF reader's worker thread is a plain ES module that the core starts by
 * path from its own folder (src/core/extract/pdf/readPdfText.ts): copied as
 * it is beside the core's bundle.
 */
function pdfTextWorker(): Plugin {
  const source = resolve(import.meta.dirname, 'src/core/extract/pdf/pdfTextWorker.mjs');
  return {
    name: 'dossier-pdf-text-worker',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'pdfTextWorker.mjs',
        source: readFileSync(source, 'utf8'),
      });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [pdfTextWorker()],
    build: {
      // The core's utility process is an entry of its own beside main.
      rollupOptions: {
        input: { index: 'src/main/index.ts', coreProcess: 'src/main/coreProcess.ts' },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    // A sandboxed preload cannot load modules: bundle everything into one CommonJS file.
    build: {
      externalizeDeps: false,
      rollupOptions: { input: 'src/preload/index.ts', output: { format: 'cjs' } },
    },
  },
  renderer: rendererConfig,
});
