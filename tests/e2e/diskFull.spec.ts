/**
 * A full disk while a note is typed (browser mode, the notebook on a small
 * tmpfs): the note's header says why it was not saved, the text stays in the
 * editor and in the local draft (a reload keeps it), and once the space is
 * freed the note saves and the notebook has the text.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { mountSmallDisk, type SmallDisk } from '../support/smallDisk';
import { callApi } from './support/api';
import { expect, repoRoot, test } from './support/dossierServer';
import { startNote } from './support/notes';

const screenshots = path.join(repoRoot, 'test-results', 'disk-full');

/** `dossier serve` on a notebook of our choosing (the fixture's notebook is on the usual disk). */
async function serveOn(databaseFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin/dossier.cjs'), '--db', databaseFile, 'serve', '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`dossier serve exited (${code})`)));
  });
  return { child, url };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

test('typing while the disk is full keeps the text and saves it once space is freed', async ({
  page,
}) => {
  const disk = mountSmallDisk();
  test.skip('skipped' in disk, `needs a small tmpfs: ${'skipped' in disk ? disk.skipped : ''}`);
  const small = disk as SmallDisk;
  const databaseFile = path.join(small.folder, 'notebook.db');
  const { child, url } = await serveOn(databaseFile);
  try {
    await page.goto(url);
    await startNote(page, 'Field notes');
    await page.keyboard.type('Written with room to spare.');
    const status = page.getByTestId('save-status');
    await expect(status).toHaveText('Saved');

    small.fill();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Typed while the disk is full.');
    await expect(status).toContainText('Not saved:');
    await expect(status).toContainText('is full: nothing was saved');
    const editor = page.getByTestId('note-editor');
    await expect(editor).toContainText('Typed while the disk is full.');
    await expect.poll(() => draftBodies(page)).toContain('Typed while the disk is full.');
    await page.screenshot({ path: path.join(screenshots, 'save-refused.png') });

    await page.reload();
    await page.getByTestId('note-item').filter({ hasText: 'Field notes' }).click();
    await expect(editor).toContainText('Typed while the disk is full.');
    await expect(editor).toContainText('Written with room to spare.');

    // The restored draft is saved at once, and refused while the disk is still full.
    await expect(status).toContainText('Not saved:');

    small.free();
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(status).toHaveText('Saved');
    await expect.poll(() => draftBodies(page)).toBe('');
    await page.screenshot({ path: path.join(screenshots, 'saved-after-freeing.png') });

    const token = new URL(url).hash.replace('#token=', '');
    const running = { url, token, databaseFile };
    const notes = await callApi<Array<{ id: string; title: string }>>(running, 'listNotes', {});
    const saved = notes.body.value!.find((note) => note.title === 'Field notes')!;
    const note = await callApi<{ body: string }>(running, 'getNote', { noteId: saved.id });
    expect(note.body.value!.body).toContain('Typed while the disk is full.');
  } finally {
    await stop(child);
    small.unmount();
  }
});

/** The bodies of every local draft this page keeps, joined (empty when none). */
function draftBodies(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('dossier.unsavedNote.'))
      .map((key) => localStorage.getItem(key) ?? '')
      .join('\n'),
  );
}
