/**
 * A full disk: the notebook on a small tmpfs, filled by another file. Saving
 * fails with a disk_full error saying nothing was saved, the notebook stays
 * sound, and saving works again once the space is freed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/createCore';
import { DossierError } from '../../src/shared/errors';
import { repoRoot } from '../support/sharedData';
import { mountSmallDisk } from '../support/smallDisk';

const disk = mountSmallDisk();
const skipped = 'skipped' in disk ? disk.skipped : null;
if (skipped) console.warn(`disk-full tests skipped: ${skipped}`);

function dossier(notebook: string, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'bin/dossier.cjs'), '--db', notebook, ...args],
    { encoding: 'utf8' },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fullDiskMessage = /is full: nothing was saved\. Free some space on it, then save again\./;

describe.skipIf(skipped !== null)('a full disk', () => {
  const small = disk as Exclude<typeof disk, { skipped: string }>;
  afterAll(() => small.unmount());

  it('refuses a command clearly, keeps the notebook sound, and saves once space is freed', () => {
    const notebook = path.join(small.folder, 'cli.db');
    expect(dossier(notebook, 'note', 'add', '--title', 'Before').code).toBe(0);
    const article = path.join(repoRoot, 'tests/fixtures/persian-article.txt');

    small.fill();
    const refused = dossier(notebook, 'note', 'add', '--title', 'During', '--text', 'lost?');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(fullDiskMessage);
    expect(refused.stderr).not.toMatch(/SqliteError|internal error|\n\s+at /);
    const imported = dossier(notebook, 'import', article, '--json');
    expect(imported.code).not.toBe(0);
    expect(imported.stderr).toMatch(fullDiskMessage);

    small.free();
    expect(dossier(notebook, 'check').code).toBe(0);
    expect(dossier(notebook, 'note', 'add', '--title', 'After', '--text', 'kept').code).toBe(0);
    const notes = JSON.parse(dossier(notebook, 'notes', '--json').stdout) as Array<{
      title: string;
    }>;
    expect(notes.map((note) => note.title).sort()).toEqual(['After', 'Before']);
  });

  it('refuses saves on an open notebook as disk_full, then saves them once space is freed', async () => {
    const notebook = path.join(small.folder, 'open.db');
    const core = createCore(notebook);
    try {
      const { noteId } = core.createNote({ title: 'Draft', text: 'first words' });
      small.fill();
      // Large enough that the WAL must grow past what is left.
      const body = 'Words typed while the disk is full. '.repeat(20_000);
      const save = () => core.createNote({ title: 'Long note', text: body });
      expect(save).toThrowError(DossierError);
      expect(save).toThrowError(fullDiskMessage);
      try {
        save();
      } catch (error) {
        expect((error as DossierError).code).toBe('disk_full');
      }
      expect(core.getNote({ noteId }).title).toBe('Draft');

      small.free();
      expect(save().noteId).not.toBe(noteId);
      const report = await core.checkNotebook({});
      expect(report.problems).toEqual([]);
      expect(
        core
          .listNotes({})
          .map((note) => note.title)
          .sort(),
      ).toEqual(['Draft', 'Long note']);
    } finally {
      core.close();
      small.free();
    }
    expect(fs.readdirSync(small.folder)).toContain('open.db');
  });
});
