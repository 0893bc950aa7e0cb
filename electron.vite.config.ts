import { defineConfig } from 'electron-vite';
import rendererConfig from './vite.renderer.config.mts';

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: 'src/main/index.ts', external: ['better-sqlite3'] },
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
