import { defineConfig } from 'electron-vite';
import rendererConfig from './vite.renderer.config.mts';

export default defineConfig({
  main: {
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
