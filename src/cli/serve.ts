/** `dossier serve`: browser mode on the loopback interface. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { registerHolder } from '../core/backups/notebookHolder';
import { startWorkerCore } from '../coreProcess/workerThread';
import { startServer } from '../server/server';
import { usage } from './argv';
import { findPackageRoot } from './packageRoot';

export interface ServeOptions {
  databaseFile: string;
  port: number;
  openBrowser: boolean;
}

export async function serve(options: ServeOptions): Promise<void> {
  const rendererDir = await ensureRendererBuilt();
  // The notebook is opened (and upgraded) by the core's own threads, never on the server's loop.
  const core = await startWorkerCore(options.databaseFile);
  const server = await startServer({ core, rendererDir, port: options.port }).catch(
    async (error: NodeJS.ErrnoException) => {
      await core.close();
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        throw usage(
          `cannot listen on port ${options.port} (${error.code}); choose another with --port`,
        );
      }
      throw error;
    },
  );
  // `dossier restore` refuses while this server holds the notebook; the address goes without its token.
  const releaseHolder = holdNotebook(options.databaseFile, `${new URL(server.url).origin}/`);
  // The first line of stdout is the address; scripts and tests read it.
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(
    `Dossier is serving the notebook ${options.databaseFile} on this computer only.\n` +
      'Open the address above (it carries the access token). Press Ctrl+C to stop.\n',
  );
  if (options.openBrowser) openInDefaultBrowser(server.url);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await core.close();
  releaseHolder();
}

/**
 * Records this server as the notebook's holder. A read-only notebook's folder
 * takes no record, and nothing can replace that notebook meanwhile either.
 */
function holdNotebook(databaseFile: string, url: string): () => void {
  try {
    return registerHolder(databaseFile, { kind: 'server', url });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return () => undefined;
    throw error;
  }
}

/** The renderer is built once (`npm run build:renderer`); build it on first use after `npm ci`. */
async function ensureRendererBuilt(): Promise<string> {
  const root = findPackageRoot();
  const rendererDir = path.join(root, 'out', 'renderer');
  if (existsSync(path.join(rendererDir, 'index.html'))) return rendererDir;
  process.stderr.write('Building the Dossier interface (first run only)…\n');
  const { build } = await import('vite');
  await build({
    configFile: path.join(root, 'vite.renderer.config.mts'),
    logLevel: 'warn',
  });
  return rendererDir;
}

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function openInDefaultBrowser(url: string): void {
  if (!hasDisplay()) return;
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this machine: the printed address is enough.
  }
}
