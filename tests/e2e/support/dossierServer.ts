/** Starts `dossier serve` on a fresh notebook in a temp folder, as a user would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base } from '@playwright/test';

import { repoRoot } from '../../support/sharedData';

export { repoRoot };

export interface RunningDossier {
  url: string;
  token: string;
  databaseFile: string;
}

export interface DossierHost {
  /** Starts (or restarts) the server on this test's notebook; returns its address. */
  start(): Promise<RunningDossier>;
  stop(): Promise<void>;
  databaseFile: string;
}

function startServe(databaseFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin/dossier.cjs'), '--db', databaseFile, 'serve', '--port', '0'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve({ child, url: line.trim() }));
    child.once('exit', (code) => reject(new Error(`dossier serve exited (${code}): ${stderr}`)));
  });
}

function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ dossier: DossierHost }>({
  // eslint-disable-next-line no-empty-pattern
  dossier: async ({}, use) => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-'));
    const databaseFile = path.join(folder, 'notebook.db');
    let child: ChildProcess | undefined;
    const host: DossierHost = {
      databaseFile,
      async start() {
        if (child) await stopServe(child);
        const started = await startServe(databaseFile);
        child = started.child;
        const token = new URL(started.url).hash.replace('#token=', '');
        return { url: started.url, token, databaseFile };
      },
      async stop() {
        if (child) await stopServe(child);
        child = undefined;
      },
    };
    await use(host);
    await host.stop();
    rmSync(folder, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
