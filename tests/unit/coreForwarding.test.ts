/**
 * The forwarding layer between a host and a core in another thread or process:
 * connectCore (host side) talks to serveCore (core side) through a fake pair of
 * ports that delivers messages later and as structured clones, as a worker
 * thread or a utility process would. The notebook behind it is a real file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from './support/tempFolder';
import type { CoreChannel } from '../../src/coreProcess/channel';
import { connectCore, SLOW_CALL_MS } from '../../src/coreProcess/coreClient';
import { startCorePool } from '../../src/coreProcess/corePool';
import type {
  CallMessage,
  CoreMessage,
  CorePort,
  CoreProcessConfig,
  HostPort,
} from '../../src/coreProcess/protocol';
import { serveCore } from '../../src/coreProcess/serveCore';
import { DossierError } from '../../src/shared/errors';
import type { NotebookEvent } from '../../src/shared/notebookEvents';

/** A core "process" behind an in-memory pair of ports. */
interface FakeProcess {
  /** What connectCore is given. */
  host: HostPort;
  /** Every call message the host sent, in order. */
  sent: CallMessage[];
  /** Whether the host asked the process to end. */
  terminated: boolean;
  /** The process ends (crashes) with this exit code. */
  exit(code: number): void;
}

interface FakeOptions {
  /** Holds the reply to a call until the promise settles (a slow core, or one that never answers). */
  delayReply?: (method: string) => Promise<void> | undefined;
}

let databaseFile: string;
const started: FakeProcess[] = [];

const temp = useTempFolder('dossier-forwarding-', (folder) => {
  databaseFile = path.join(folder, 'notebook.db');
  return () => {
    for (const fake of started.splice(0)) fake.exit(0);
  };
});

/**
 * Starts serveCore on the far side of two ports. Messages cross one at a time,
 * each on a later turn of the event loop and as a structured clone, so nothing
 * but plain data gets through and nothing is answered synchronously.
 */
function fakeProcess(config: CoreProcessConfig, options: FakeOptions = {}): FakeProcess {
  const toHost: Array<(message: CoreMessage) => void> = [];
  const toCore: Array<(message: CallMessage) => void> = [];
  const exitListeners: Array<(code: number) => void> = [];
  const sent: CallMessage[] = [];
  const methodOfCall = new Map<number, string>();
  let alive = true;
  let endpoint: CoreChannel | undefined;

  const later = (deliver: () => void) =>
    setImmediate(() => {
      if (alive) deliver();
    });

  const corePort: CorePort = {
    postMessage(message) {
      const copy = structuredClone(message);
      const held =
        message.type === 'reply'
          ? options.delayReply?.(methodOfCall.get(message.id) ?? '')
          : undefined;
      const deliver = () => later(() => toHost.forEach((listener) => listener(copy)));
      if (held) void held.then(deliver);
      else deliver();
    },
    onMessage: (listener) => toCore.push(listener),
  };

  const fake: FakeProcess = {
    sent,
    terminated: false,
    host: {
      postMessage(message) {
        sent.push(message);
        methodOfCall.set(message.id, message.method);
        const copy = structuredClone(message);
        later(() => toCore.forEach((listener) => listener(copy)));
      },
      onMessage: (listener) => toHost.push(listener),
      onExit: (listener) => exitListeners.push(listener),
      terminate: async () => {
        fake.terminated = true;
        fake.exit(1);
      },
    },
    exit(code) {
      if (!alive) return;
      alive = false;
      void endpoint?.close();
      setImmediate(() => exitListeners.forEach((listener) => listener(code)));
    },
  };
  started.push(fake);
  // The process starts on its own time, as a worker does.
  setImmediate(() => {
    endpoint = serveCore(corePort, config);
    // After `failed` the process ends.
    if (endpoint === undefined) later(() => fake.exit(1));
  });
  return fake;
}

/** A promise the test resolves when it chooses. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function recordEvents(channel: CoreChannel): NotebookEvent[] {
  const events: NotebookEvent[] = [];
  channel.subscribe((event) => events.push(event));
  return events;
}

describe('connectCore and serveCore', () => {
  it('returns the core’s answers to the calls', async () => {
    const channel = await connectCore(fakeProcess({ databaseFile, role: 'writer' }).host, {
      name: 'writer',
    });
    expect(await channel.call('importText', { text: 'Harbour\n\nThe harbour froze.' })).toEqual({
      ok: true,
      value: { status: 'imported', sourceId: '1', title: 'Harbour', kind: 'text' },
    });
    expect(await channel.call('listSources', {})).toMatchObject({
      ok: true,
      value: [{ id: '1', title: 'Harbour', passageCount: 0 }],
    });
    await channel.close();
  });

  it('matches each reply to its call when replies come back out of order', async () => {
    const slowSource = gate();
    const fake = fakeProcess(
      { databaseFile, role: 'writer' },
      { delayReply: (method) => (method === 'getSource' ? slowSource.opened : undefined) },
    );
    const channel = await connectCore(fake.host, { name: 'writer' });
    await channel.call('importText', { text: 'First\n\nbody' });

    const source = channel.call('getSource', { sourceId: '1' });
    const sources = await channel.call('listSources', {});
    slowSource.open();
    expect(await source).toMatchObject({ ok: true, value: { id: '1', title: 'First' } });
    expect(sources).toMatchObject({ ok: true, value: [{ id: '1' }] });
  });

  it('keeps the code and message of an error', async () => {
    const channel = await connectCore(fakeProcess({ databaseFile, role: 'writer' }).host, {
      name: 'writer',
    });
    expect(await channel.call('getSource', { sourceId: '999' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No source with id 999' },
    });
    expect(await channel.call('importText', { text: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(await channel.call('getSource', { sourceId: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
  });

  it('passes on a changed event naming the topics the mutation declares, and none for a query', async () => {
    const channel = await connectCore(fakeProcess({ databaseFile, role: 'writer' }).host, {
      name: 'writer',
    });
    const events = recordEvents(channel);
    await channel.call('listSources', {});
    expect(events).toEqual([]);

    const { value } = (await channel.call('importText', { text: 'Tagged\n\nbody' })) as {
      value: { sourceId: string };
    };
    expect(events).toEqual([
      { type: 'changed', changed: ['sources', 'passages'], sources: [value.sourceId] },
    ]);

    await channel.call('setSourceTags', { sourceId: value.sourceId, tags: ['harbour'] });
    expect(events.at(-1)).toEqual({
      type: 'changed',
      changed: ['sources', 'tags'],
      sources: [value.sourceId],
    });

    // A failed mutation changed nothing and says so by silence.
    const before = events.length;
    await channel.call('deletePassage', { passageId: '99' });
    expect(events).toHaveLength(before);
  });

  it('passes on the progress of a long operation', async () => {
    const channel = await connectCore(fakeProcess({ databaseFile, role: 'writer' }).host, {
      name: 'writer',
    });
    await channel.call('importText', { text: 'Indexed\n\nbody' });
    const events = recordEvents(channel);
    const response = await channel.call('rebuildSearchIndex', { operationId: 'rebuild-1' });
    expect(response).toEqual({ ok: true, value: { sources: 1, passages: 0, notes: 0 } });
    const progress = events.filter((event) => event.type === 'progress');
    expect(progress[0]).toMatchObject({ operationId: 'rebuild-1', state: 'running' });
    expect(progress.at(-1)).toMatchObject({ operationId: 'rebuild-1', state: 'finished' });
    expect(events.at(-1)).toEqual({ type: 'changed', changed: ['searchIndex'] });
  });

  it('logs a call slower than 100 ms with its method name', async () => {
    const logged: string[] = [];
    const fake = fakeProcess(
      { databaseFile, role: 'writer' },
      {
        // This core takes longer than the threshold to answer a search.
        delayReply: (method) =>
          method === 'search'
            ? new Promise((resolve) => setTimeout(resolve, SLOW_CALL_MS + 50))
            : undefined,
      },
    );
    const channel = await connectCore(fake.host, {
      name: 'writer thread',
      logSlowCall: (line) => logged.push(line),
    });
    expect(await channel.call('search', { query: 'harbour' })).toEqual({ ok: true, value: [] });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^dossier: search took \d+ ms \(writer thread\)$/);
    const took = Number(/took (\d+) ms/.exec(logged[0]!)![1]);
    expect(took).toBeGreaterThanOrEqual(SLOW_CALL_MS);
  });

  it('fails pending calls when the process exits, and later calls at once', async () => {
    const never = gate();
    const fake = fakeProcess(
      { databaseFile, role: 'writer' },
      { delayReply: (method) => (method === 'listSources' ? never.opened : undefined) },
    );
    const channel = await connectCore(fake.host, { name: 'writer' });
    const pending = channel.call('listSources', {});
    fake.exit(3);
    const stopped = {
      ok: false,
      error: {
        code: 'internal',
        message: "The notebook's writer process stopped (exit code 3).",
      },
    };
    expect(await pending).toEqual(stopped);

    const sentBefore = fake.sent.length;
    expect(await channel.call('listSources', {})).toEqual(stopped);
    expect(fake.sent).toHaveLength(sentBefore);
  });

  it('answers calls after close with an error instead of sending them', async () => {
    const fake = fakeProcess({ databaseFile, role: 'writer' });
    const channel = await connectCore(fake.host, { name: 'writer' });
    await channel.close();
    const sentBefore = fake.sent.length;
    expect(await channel.call('listSources', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(fake.sent).toHaveLength(sentBefore);
  });

  it('rejects with the core’s code when the notebook cannot be opened', async () => {
    fs.writeFileSync(databaseFile, 'plain text, not SQLite');
    const fake = fakeProcess({ databaseFile, role: 'writer' });
    const connecting = connectCore(fake.host, { name: 'writer' });
    await expect(connecting).rejects.toBeInstanceOf(DossierError);
    await expect(connecting).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringContaining('not a Dossier notebook'),
    });
    expect(fs.readFileSync(databaseFile, 'utf8')).toBe('plain text, not SQLite');
  });
});

describe('startCorePool', () => {
  /** A pool on fake processes (a writer, then readers); `sent` tells which one each call reached. */
  async function startPool(options: FakeOptions = {}) {
    const processes: Array<{ role: 'writer' | 'reader'; fake: FakeProcess }> = [];
    const pool = await startCorePool((role) => {
      const fake = fakeProcess({ databaseFile, role }, options);
      processes.push({ role, fake });
      return connectCore(fake.host, { name: role });
    });
    const methodsSentTo = (role: 'writer' | 'reader') =>
      processes
        .filter((process) => process.role === role)
        .flatMap(({ fake }) => fake.sent.map((message) => message.method));
    const readers = processes.filter(({ role }) => role === 'reader').map(({ fake }) => fake);
    return { pool, methodsSentTo, readers };
  }

  it('sends a query to the reader and a mutation to the writer', async () => {
    const { pool, methodsSentTo } = await startPool();
    const imported = await pool.call('importText', { text: 'Routed\n\nthrough the pool' });
    expect(imported).toMatchObject({ ok: true, value: { sourceId: '1' } });
    expect(methodsSentTo('writer')).toEqual(['importText']);
    expect(methodsSentTo('reader')).toEqual([]);

    // The reader sees the writer's commit.
    const hits = await pool.call('search', { query: 'pool' });
    expect(hits).toMatchObject({ ok: true, value: [{ kind: 'source', id: '1' }] });
    await pool.call('backupNotebook', { destination: path.join(temp.path, 'copy.db') });
    expect(methodsSentTo('reader')).toEqual(['search', 'backupNotebook']);
    expect(methodsSentTo('writer')).toEqual(['importText']);
    expect(fs.existsSync(path.join(temp.path, 'copy.db'))).toBe(true);
    await pool.close();
  });

  it('sends a query to a free reader: a slow one holds up no other', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { pool, readers } = await startPool({
      delayReply: (method) => (method === 'listSources' ? held : undefined),
    });
    expect(readers).toHaveLength(2);
    await pool.call('importText', { text: 'Routed\n\nthrough the pool' });

    const listing = pool.call('listSources', {});
    // Answered while the list is still held by the other reader.
    const hits = await pool.call('search', { query: 'pool' });
    expect(hits).toMatchObject({ ok: true, value: [{ kind: 'source', id: '1' }] });
    const sentTo = readers.map((reader) => reader.sent.map((message) => message.method));
    expect(sentTo).toEqual([['listSources'], ['search']]);

    release();
    expect(await listing).toMatchObject({ ok: true, value: [{ id: '1' }] });
    await pool.call('search', { query: 'pool' });
    expect(readers[0]!.sent.map((message) => message.method)).toEqual(['listSources', 'search']);
    await pool.close();
  });

  it('gives a query waiting for a reader to the first one free, never to the one a slow query holds', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { pool, readers } = await startPool({
      delayReply: (method) => (method === 'listSources' ? held : undefined),
    });
    await pool.call('importText', { text: 'Routed\n\nthrough the pool' });

    const listing = pool.call('listSources', {});
    // Both readers are busy when the second search comes: it waits for the first one free.
    const searches = [
      pool.call('search', { query: 'pool' }),
      pool.call('search', { query: 'routed' }),
    ];
    // Both answered while the list is still held.
    const found = { ok: true, value: [{ kind: 'source', id: '1' }] };
    expect(await Promise.all(searches)).toMatchObject([found, found]);
    const sentTo = readers.map((reader) => reader.sent.map((message) => message.method));
    expect(sentTo).toEqual([['listSources'], ['search', 'search']]);

    release();
    expect(await listing).toMatchObject({ ok: true, value: [{ id: '1' }] });
    await pool.close();
  });

  it('sends a cancel to every core, since any may run the operation', async () => {
    const { pool, methodsSentTo } = await startPool();
    expect(await pool.call('cancelOperation', { operationId: 'nothing-running' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
    expect(methodsSentTo('writer')).toEqual(['cancelOperation']);
    expect(methodsSentTo('reader')).toEqual(['cancelOperation', 'cancelOperation']);
    await pool.close();
  });

  it('passes on the writer’s events to its subscribers', async () => {
    const { pool } = await startPool();
    const events = recordEvents(pool);
    await pool.call('createNote', { title: 'Pooled', text: 'a note' });
    expect(events).toEqual([{ type: 'changed', changed: ['notes'] }]);
    await pool.close();
  });

  it('closes the writer when a reader cannot start', async () => {
    let writer: FakeProcess | undefined;
    const starting = startCorePool(async (role) => {
      if (role === 'reader') throw new DossierError('forbidden', 'no reader today');
      writer = fakeProcess({ databaseFile, role });
      return connectCore(writer.host, { name: role });
    });
    await expect(starting).rejects.toMatchObject({ code: 'forbidden' });
    expect(writer?.terminated).toBe(true);
  });
});
