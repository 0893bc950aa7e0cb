/**
 * The renderer's note autosave: the piece that decides whether a user's
 * words reach the core. The API client is replaced by a recording fake; the
 * saver's timing, ordering and failure handling are real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type SaveArgs = { noteId: string; title: string; body: string };

const calls = vi.hoisted(() => ({
  save: [] as SaveArgs[],
  unloadSave: [] as SaveArgs[],
  /** Local drafts by note id, as localStorage would hold them. */
  drafts: new Map<string, { title: string; body: string }>(),
  /** Each call waits for the test to settle it. */
  pending: [] as Array<{ resolve: () => void; reject: (error: Error) => void }>,
}));

vi.mock('../../src/renderer/api/client', () => {
  const saveNote = (log: SaveArgs[]) => (args: SaveArgs) => {
    log.push(args);
    return new Promise<{ updatedAt: string }>((resolve, reject) => {
      calls.pending.push({ resolve: () => resolve({ updatedAt: 'now' }), reject });
    });
  };
  return {
    api: { saveNote: saveNote(calls.save) },
    unloadSafeApi: { saveNote: saveNote(calls.unloadSave) },
  };
});
vi.mock('../../src/renderer/api/browserTransport', () => ({ fitsInKeepalive: () => true }));
vi.mock('../../src/renderer/notes/localDrafts', () => ({
  keepDraft: (noteId: string, content: { title: string; body: string }) =>
    calls.drafts.set(noteId, { ...content }),
  dropDraft: (noteId: string) => calls.drafts.delete(noteId),
}));

const { NoteSaver, flushAllNotes } = await import('../../src/renderer/notes/noteSaver');
type SaveState = import('../../src/renderer/notes/noteSaver').SaveState;

const stored = { title: 'Notes on Tehran', body: '{"root":"v1"}' };

function openSaver(noteId = '7') {
  const states: SaveState[] = [];
  const saver = new NoteSaver(noteId, stored, (state) => states.push(state));
  saver.open();
  return { saver, states, lastState: () => states.at(-1) };
}

/** Settles the oldest outstanding save request and lets the saver react. */
async function settleNextSave(outcome: 'ok' | Error = 'ok') {
  const next = calls.pending.shift();
  if (!next) throw new Error('no save request is outstanding');
  if (outcome === 'ok') next.resolve();
  else next.reject(outcome);
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
  calls.save.length = 0;
  calls.unloadSave.length = 0;
  calls.pending.length = 0;
  calls.drafts.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('NoteSaver', () => {
  it('saves once the user pauses, with the last content typed', async () => {
    const { saver, lastState } = openSaver();

    saver.edit({ body: () => '{"root":"v2"}' });
    saver.edit({ body: () => '{"root":"v3"}' });
    expect(lastState()).toEqual({ kind: 'pending' });
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.save).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(200);
    expect(calls.save).toEqual([{ noteId: '7', title: stored.title, body: '{"root":"v3"}' }]);
    expect(lastState()).toEqual({ kind: 'saving' });
    await settleNextSave();
    expect(lastState()).toEqual({ kind: 'saved' });
    expect(calls.save).toHaveLength(1);
    await saver.close();
  });

  it('serialises the body when it saves, not on every edit', async () => {
    const { saver } = openSaver();
    const readBody = vi.fn(() => '{"root":"typed"}');
    for (let keystroke = 0; keystroke < 50; keystroke += 1) saver.edit({ body: readBody });
    expect(readBody).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(700);
    expect(readBody).toHaveBeenCalledTimes(1);
    expect(calls.save.map((args) => args.body)).toEqual(['{"root":"typed"}']);
    await settleNextSave();

    // Each flush (a blur, a close) reads the body only if it changed since.
    saver.edit({ body: readBody });
    await saver.flush();
    await saver.flush();
    expect(saver.hasUnsavedChanges).toBe(false);
    expect(readBody).toHaveBeenCalledTimes(2);
    expect(calls.save).toHaveLength(1); // the same body again: nothing to send
    await saver.close();
  });

  it('shows the note saved again when edits undo themselves, without a request', async () => {
    const { saver, lastState } = openSaver();
    saver.edit({ body: () => '{"root":"typo"}' });
    saver.edit({ body: () => stored.body });
    expect(lastState()).toEqual({ kind: 'pending' });
    await vi.advanceTimersByTimeAsync(700);
    expect(calls.save).toHaveLength(0);
    expect(lastState()).toEqual({ kind: 'saved' });
    await saver.close();
  });

  it('sends one request at a time and then saves what was typed meanwhile', async () => {
    const { saver, lastState } = openSaver();
    saver.edit({ body: () => '{"root":"first"}' });
    const flushed = saver.flush();
    saver.edit({ body: () => '{"root":"typed while saving"}' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls.save).toHaveLength(1);

    await settleNextSave();
    expect(calls.save.map((args) => args.body)).toEqual([
      '{"root":"first"}',
      '{"root":"typed while saving"}',
    ]);
    await settleNextSave();
    await flushed;
    expect(lastState()).toEqual({ kind: 'saved' });
    expect(saver.hasUnsavedChanges).toBe(false);
    await saver.close();
  });

  it('keeps the content after a failed save and saves it on retry', async () => {
    const { saver, lastState } = openSaver();
    saver.edit({ title: 'Renamed' });
    const firstTry = saver.flush();
    await settleNextSave(new Error('disk full'));
    await firstTry;
    expect(lastState()).toEqual({ kind: 'failed', message: 'disk full' });
    expect(saver.hasUnsavedChanges).toBe(true);

    const retry = saver.flush();
    await settleNextSave();
    await retry;
    expect(calls.save.map((args) => args.title)).toEqual(['Renamed', 'Renamed']);
    expect(lastState()).toEqual({ kind: 'saved' });
    await saver.close();
  });

  it('keeps the latest words as a local draft while the core refuses them', async () => {
    const { saver } = openSaver();
    saver.edit({ body: () => '{"root":"first"}' });
    const flushed = saver.flush();
    saver.edit({ body: () => '{"root":"typed while saving"}' });
    await settleNextSave(new Error('disk full'));
    await flushed;
    expect(calls.drafts.get('7')).toEqual({
      title: stored.title,
      body: '{"root":"typed while saving"}',
    });

    const retry = saver.flush();
    await settleNextSave();
    await retry;
    expect(calls.drafts.has('7')).toBe(false);
    await saver.close();
  });

  it('never sends an empty title (the core requires one)', async () => {
    const { saver } = openSaver();
    saver.edit({ title: '   ' });
    const flushed = saver.flush();
    await settleNextSave();
    await flushed;
    expect(calls.save[0]?.title).toBe('Untitled note');
    await saver.close();
  });

  it('saves pending edits of every open note when the window closes, without waiting', async () => {
    const first = openSaver('1');
    const second = openSaver('2');
    first.saver.edit({ body: () => '{"root":"one"}' });
    second.saver.edit({ body: () => '{"root":"two"}' });

    const flushed = flushAllNotes();
    expect(calls.save.map((args) => args.noteId).sort()).toEqual(['1', '2']);
    await settleNextSave();
    await settleNextSave();
    await flushed;
    expect(first.saver.hasUnsavedChanges || second.saver.hasUnsavedChanges).toBe(false);
    await first.saver.close();
    await second.saver.close();
  });

  it('hands unsaved content to a request that outlives the page, and says when that is not safe', async () => {
    const { saver } = openSaver();
    expect(saver.flushForUnload()).toBe(true);
    expect(calls.unloadSave).toHaveLength(0); // nothing to send

    saver.edit({ body: () => '{"root":"last words"}' });
    expect(saver.flushForUnload()).toBe(true);
    expect(calls.unloadSave.map((args) => args.body)).toEqual(['{"root":"last words"}']);
    await settleNextSave(new Error('server gone'));

    saver.edit({ body: () => '{"root":"more words"}' });
    expect(saver.flushForUnload()).toBe(false); // the last save failed: ask before leaving
  });
});
