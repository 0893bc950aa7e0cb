/**
 * Restoring a backup from inside the running host: the worker-thread core of
 * browser mode on a notebook in a temp folder, replaced under its callers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from './support/tempFolder';
import { registerHolder } from '../../src/core/backups/notebookHolder';
import { createCore } from '../../src/core/createCore';
import { dispatch } from '../../src/core/dispatch';
import type { CoreChannel } from '../../src/coreProcess/channel';
import { startWorkerCore } from '../../src/coreProcess/workerThread';
import type { ApiResponse, BackupEntry, NoteSummary, RestoredNotebook } from '../../src/shared/api';
import { topics } from '../../src/shared/apiMethods';
import type { NotebookEvent } from '../../src/shared/notebookEvents';

let folder: string;
let databaseFile: string;
let core: CoreChannel | undefined;
let releaseHolder: (() => void) | undefined;

useTempFolder('dossier-restorable-', (created) => {
  folder = created;
  databaseFile = path.join(folder, 'notebook.db');
  return async () => {
    await core?.close();
    core = undefined;
    releaseHolder?.();
    releaseHolder = undefined;
  };
});

function valueOf<T>(response: ApiResponse<unknown>): T {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

async function noteTitles(channel: CoreChannel): Promise<string[]> {
  const notes = valueOf<NoteSummary[]>(await channel.call('listNotes', {}));
  return notes.map((note) => note.title).sort();
}

/** A served notebook (holding its record, as `dossier serve` does) with "First" backed up, then "Second" written. */
async function notebookWithBackup(): Promise<{ channel: CoreChannel; backup: BackupEntry }> {
  const channel = await startWorkerCore(databaseFile);
  core = channel;
  releaseHolder = registerHolder(databaseFile, { kind: 'server' });
  valueOf(await channel.call('createNote', { title: 'First', text: 'Before the backup.' }));
  const backup = valueOf<BackupEntry>(await channel.call('backUpNow', {}));
  valueOf(await channel.call('createNote', { title: 'Second', text: 'After the backup.' }));
  return { channel, backup };
}

describe('restoreBackup in a running host', () => {
  it('puts the backup in place, keeps the replaced notebook as a backup and tells every listener', async () => {
    const { channel, backup } = await notebookWithBackup();
    const events: NotebookEvent[] = [];
    channel.subscribe((event) => events.push(event));

    const restored = valueOf<RestoredNotebook>(
      await channel.call('restoreBackup', { file: backup.file }),
    );

    expect(restored.notebook).toBe(path.resolve(databaseFile));
    expect(restored.from).toBe(backup.file);
    expect(await noteTitles(channel)).toEqual(['First']);
    expect(events).toContainEqual({ type: 'changed', changed: [...topics] });

    // The notebook it replaced went into the backups folder, verified, with both notes.
    expect(restored.previousVerified).toBe(true);
    const previous = createCore(restored.previous!, { readonly: true });
    try {
      expect(
        previous
          .listNotes({})
          .map((note) => note.title)
          .sort(),
      ).toEqual(['First', 'Second']);
    } finally {
      previous.close();
    }
    // The same listener goes on hearing the new core's changes.
    valueOf(await channel.call('createNote', { title: 'Third', text: 'After the restore.' }));
    expect(events).toContainEqual({ type: 'changed', changed: ['notes'] });
    expect(await noteTitles(channel)).toEqual(['First', 'Third']);
  });

  it('holds calls made during the restore and answers them from the restored notebook', async () => {
    const { channel, backup } = await notebookWithBackup();

    const restoring = channel.call('restoreBackup', { file: backup.file });
    const listed = noteTitles(channel);
    const created = channel.call('createNote', { title: 'Meanwhile', text: 'Typed during it.' });

    valueOf(await restoring);
    // Let go together, the listing and the new note go to the reader and the writer
    // threads: the listing may or may not see the note, never the replaced notebook's.
    expect((await listed).filter((title) => title !== 'Meanwhile')).toEqual(['First']);
    valueOf(await created);
    expect(await noteTitles(channel)).toEqual(['First', 'Meanwhile']);
  });

  it('refuses a damaged file and leaves the notebook as it was, still answering', async () => {
    const { channel, backup } = await notebookWithBackup();
    const damaged = path.join(folder, 'damaged.db');
    const bytes = fs.readFileSync(backup.file);
    bytes.fill(0x5a, 4096, Math.min(bytes.length, 4096 * 3));
    fs.writeFileSync(damaged, bytes);

    const answer = await channel.call('restoreBackup', { file: damaged });

    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(['damaged', 'unsupported']).toContain(answer.error.code);
    expect(await noteTitles(channel)).toEqual(['First', 'Second']);
    const missing = await channel.call('restoreBackup', { file: path.join(folder, 'none.db') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await channel.call('restoreBackup', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await noteTitles(channel)).toEqual(['First', 'Second']);
  });

  it('is refused while another process holds the notebook', async () => {
    const { channel, backup } = await notebookWithBackup();
    releaseHolder?.();
    releaseHolder = undefined;
    // The parent process (the test runner's) stands in for a second server on the same file.
    const other = { pid: process.ppid, kind: 'server', startedAt: new Date().toISOString() };
    fs.writeFileSync(`${databaseFile}.holder.json`, JSON.stringify(other));

    const answer = await channel.call('restoreBackup', { file: backup.file });

    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await noteTitles(channel)).toEqual(['First', 'Second']);
  });

  it('is answered only by the host: a core says how to restore instead', async () => {
    const plain = createCore(path.join(folder, 'plain.db'));
    try {
      const answer = await dispatch(plain, 'restoreBackup', { file: 'backup.db' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'unsupported' } });
      if (!answer.ok) expect(answer.error.message).toContain('dossier restore FILE');
    } finally {
      plain.close();
    }
  });
});
