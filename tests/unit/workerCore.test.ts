/**
 * Browser mode's core for real: a writer and a reader in two worker threads on
 * a notebook file in a temp folder, reached through startWorkerCore's pool.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { useTempFolder } from './support/tempFolder';
import { createCore } from '../../src/core/createCore';
import type { CoreChannel } from '../../src/coreProcess/channel';
import { startWorkerCore } from '../../src/coreProcess/workerThread';
import type { ApiResponse } from '../../src/shared/api';
import { topics } from '../../src/shared/apiMethods';
import type { NotebookEvent, ProgressEvent } from '../../src/shared/notebookEvents';

/** Long enough for a slow machine; a condition that holds resolves the wait at once. */
const EVENT_TIMEOUT_MS = 10_000;

let databaseFile: string;
let pool: CoreChannel | undefined;

useTempFolder('dossier-workers-', (folder) => {
  databaseFile = path.join(folder, 'notebook.db');
  return async () => {
    vi.restoreAllMocks();
    await pool?.close();
    pool = undefined;
  };
});

async function startPool(): Promise<CoreChannel> {
  pool = await startWorkerCore(databaseFile);
  return pool;
}

/** Resolves with the first event `matches` accepts; fails the test if none comes in time. */
function nextEvent<E extends NotebookEvent>(
  channel: CoreChannel,
  matches: (event: NotebookEvent) => event is E,
  timeoutMs = EVENT_TIMEOUT_MS,
): Promise<E> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no matching event within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = channel.subscribe((event) => {
      if (!matches(event)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
}

/**
 * A rebuild of a note's index that cannot take a step yet: another connection
 * holds the write lock until `release`, so the test acts while it is under way.
 */
async function rebuildHeldUp(
  core: CoreChannel,
  operationId: string,
): Promise<{ rebuilding: Promise<ApiResponse<unknown>>; release(): void }> {
  await core.call('createNote', { title: 'Indexed', text: 'harbour' });
  const blocker = new Database(databaseFile);
  blocker.pragma('busy_timeout = 5000');
  blocker.exec('BEGIN IMMEDIATE');
  const release = () => {
    if (!blocker.open) return;
    if (blocker.inTransaction) blocker.exec('ROLLBACK');
    blocker.close();
  };
  try {
    const running = nextEvent(
      core,
      (event): event is ProgressEvent =>
        event.type === 'progress' && event.operationId === operationId,
    );
    const rebuilding = core.call('rebuildSearchIndex', { operationId });
    expect(await running).toMatchObject({ state: 'running' });
    return { rebuilding, release };
  } catch (error) {
    release();
    throw error;
  }
}

function valueOf<T>(response: ApiResponse<unknown>): T {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

/** About `mebibytes` MiB of plain text in paragraphs, each line different. */
function generatedArticle(mebibytes: number): string {
  const paragraph =
    'The harbour master logged every ferry that left before dawn, and the tide tables beside them. ';
  const paragraphs: string[] = ['A very long harbour log'];
  let size = 0;
  for (let index = 0; size < mebibytes * 1024 * 1024; index++) {
    const text = `Entry ${index}: ${paragraph.repeat(3)}`;
    paragraphs.push(text);
    size += text.length + 2;
  }
  return paragraphs.join('\n\n');
}

describe('the worker-thread core', () => {
  it('imports through the writer and finds it through the reader', async () => {
    const core = await startPool();
    const imported = valueOf<{ sourceId: string }>(
      await core.call('importText', { text: 'Harbour report\n\nThe harbour froze in March.' }),
    );
    expect(imported).toEqual({
      status: 'imported',
      sourceId: '1',
      title: 'Harbour report',
      kind: 'text',
    });
    const hits = valueOf<Array<{ kind: string; id: string }>>(
      await core.call('search', { query: 'froze' }),
    );
    expect(hits).toEqual([expect.objectContaining({ kind: 'source', id: '1' })]);
    expect(await core.call('getSource', { sourceId: '2' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('imports a web page in its thread, whose extractor the sources load with import()', async () => {
    const core = await startPool();
    const html =
      '<!DOCTYPE html><html lang="en"><head><title>Quay news</title></head><body><article>' +
      '<h1>Quay news</h1><p>The northern quay closes for repairs after the winter storms.</p>' +
      '</article></body></html>';
    const outcomes = valueOf<Array<{ status: string; kind?: string }>>(
      await core.call('importFiles', {
        files: [{ fileName: 'quay.html', contentBase64: Buffer.from(html).toString('base64') }],
      }),
    );
    expect(outcomes).toEqual([expect.objectContaining({ status: 'imported', kind: 'web' })]);
  });

  it('answers a search while a large import is still being written', async () => {
    // The import is slow on purpose; its slow-call log line is expected here.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const core = await startPool();
    await core.call('importText', { text: 'Earlier article\n\nThe ferry was late.' });
    const article = generatedArticle(15);
    expect(article.length).toBeGreaterThan(15 * 1024 * 1024);

    const resolved: string[] = [];
    const importing = core.call('importText', { text: article }).then((response) => {
      resolved.push('import');
      return response;
    });
    const searching = core.call('search', { query: 'ferry' }).then((response) => {
      resolved.push('search');
      return response;
    });
    const [imported, found] = await Promise.all([importing, searching]);
    expect(resolved).toEqual(['search', 'import']);
    expect(valueOf<Array<{ id: string }>>(found).map((hit) => hit.id)).toContain('1');
    expect(valueOf(imported)).toMatchObject({ status: 'imported', sourceId: '2' });
  });

  it('tells its subscribers when another connection writes to the notebook', async () => {
    const core = await startPool();
    // The writer notices by polling the file's data version every few hundred milliseconds.
    const changed = nextEvent(core, (event): event is NotebookEvent => event.type === 'changed');
    const other = createCore(databaseFile);
    try {
      await other.importText({ text: 'From the CLI\n\nwritten by another process' });
    } finally {
      other.close();
    }
    expect(await changed).toEqual({
      type: 'changed',
      changed: [...topics],
    });
    expect(valueOf<unknown[]>(await core.call('listSources', {}))).toHaveLength(1);
  });

  it('reports the progress of a search index rebuild under its operation id', async () => {
    const core = await startPool();
    for (let index = 0; index < 5; index++) {
      await core.call('createNote', { title: `Note ${index}`, text: 'harbour' });
    }
    const progress: ProgressEvent[] = [];
    core.subscribe((event) => {
      if (event.type === 'progress') progress.push(event);
    });
    const finished = nextEvent(
      core,
      (event): event is ProgressEvent => event.type === 'progress' && event.state !== 'running',
    );
    const counts = await core.call('rebuildSearchIndex', { operationId: 'rebuild-1' });
    expect(counts).toEqual({ ok: true, value: { sources: 0, passages: 0, notes: 5 } });
    expect(await finished).toMatchObject({
      operationId: 'rebuild-1',
      method: 'rebuildSearchIndex',
      state: 'finished',
      done: 5,
      total: 5,
    });
    expect(progress[0]).toMatchObject({ operationId: 'rebuild-1', state: 'running' });
    expect(progress.every((event) => event.operationId === 'rebuild-1')).toBe(true);
  });

  it('stops a long operation on cancel', async () => {
    const core = await startPool();
    const held = await rebuildHeldUp(core, 'rebuild-2');
    let cancelling: Promise<ApiResponse<unknown>> | undefined;
    try {
      const ended = nextEvent(
        core,
        (event): event is ProgressEvent =>
          event.type === 'progress' &&
          event.operationId === 'rebuild-2' &&
          event.state !== 'running',
      );
      cancelling = core.call('cancelOperation', { operationId: 'rebuild-2' });
      held.release();

      expect(await held.rebuilding).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(await ended).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });
      expect(await cancelling).toEqual({ ok: true, value: { cancelled: true } });
    } finally {
      held.release();
      await cancelling;
    }
    // Nothing runs under that id any more.
    expect(await core.call('cancelOperation', { operationId: 'rebuild-2' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('closes a thread only once its long operation has stopped: ending one mid-work can abort the process', async () => {
    const core = await startPool();
    const held = await rebuildHeldUp(core, 'rebuild-3');
    try {
      const closing = core.close();
      pool = undefined;
      held.release();

      // Stopped by the close, and answered: not cut off with its thread.
      expect(await held.rebuilding).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      await closing;
    } finally {
      held.release();
    }
  });
});
