import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * The dev server's React refresh preamble is an inline script and its hot
 * reload uses a websocket; the strict policy in index.html allows neither, so
 * only the dev server relaxes it. Built files keep the strict policy.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'dossier-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws:");
    },
  };
}

/** The renderer build, shared by `vite build` (browser mode) and electron-vite. */
const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  // Relative asset URLs: the same build loads from file:// (Electron) and http:// (dossier serve).
  base: './',
  plugins: [react(), relaxCspForDevServer()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // Loaded from the local disk, never over a network: one bundle of React and
    // Lexical is fine, so warn only well past its current size.
    chunkSizeWarningLimit: 1200,
  },
};

export default defineConfig(rendererConfig);
