/**
 * A notebook in a folder this account may not change: `dossier serve` opens
 * it read-only, the workspace says so in a banner with the reason, and the
 * articles and notes are still there to read. As root, permissions stop
 * nothing, so the server then runs as an unprivileged account.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect, repoRoot, test } from './support/dossierServer';

const NOBODY = 65534;
const dossierBin = path.join(repoRoot, 'bin/dossier.cjs');

test('a write-protected notebook opens read-only with a banner saying why', async ({ page }) => {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-read-only-'));
  const folder = path.join(top, 'notebooks');
  fs.mkdirSync(folder);
  const file = path.join(folder, 'notebook.db');
  const added = spawnSync(
    process.execPath,
    [
      dossierBin,
      '--db',
      file,
      'note',
      'add',
      '--title',
      'Harbour',
      '--text',
      'Cracks in the quay.',
    ],
    { encoding: 'utf8' },
  );
  expect(added.status, added.stderr).toBe(0);
  fs.chmodSync(file, 0o444);
  fs.chmodSync(folder, 0o555);
  fs.chmodSync(top, 0o755);
  const asRoot = process.getuid?.() === 0;
  const server = spawn(process.execPath, [dossierBin, '--db', file, 'serve', '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    ...(asRoot && { uid: NOBODY, gid: NOBODY }),
  });
  try {
    const url = await firstLine(server);
    await page.goto(url);
    const banner = page.locator('.read-only-banner');
    await expect(banner).toContainText('This notebook is read-only');
    await expect(banner).toContainText(`may not change the file ${file}`);
    await expect(page.getByTestId('note-item').filter({ hasText: 'Harbour' })).toHaveCount(1);
    await page.screenshot({ path: path.join(repoRoot, 'test-results', 'read-only-banner.png') });
  } finally {
    await new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
    });
    fs.chmodSync(folder, 0o755);
    fs.rmSync(top, { recursive: true, force: true });
  }
});

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`dossier serve exited (${code})`)));
  });
}
