import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch, isApiMethod } from '../../src/core/dispatch';
import type { CoreApi } from '../../src/shared/api';
import { apiMethodNames } from '../../src/shared/apiMethods';
import type { ProgressEvent } from '../../src/shared/notebookEvents';
import { useTempCore } from './support/tempCore';

const notebook = useTempCore();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dispatch', () => {
  it('calls the core with validated arguments and wraps the value', async () => {
    const imported = await dispatch(notebook.core, 'importText', { text: 'Title\n\nbody' });
    expect(imported).toEqual({
      ok: true,
      value: { status: 'imported', sourceId: '1', title: 'Title', kind: 'text' },
    });
    expect(await dispatch(notebook.core, 'listSources', undefined)).toMatchObject({
      ok: true,
      value: [{ id: '1' }],
    });
  });

  it('answers not_found for an unknown method, even one inherited from Object', async () => {
    for (const method of ['dropTables', 'toString', '__proto__', 'constructor']) {
      expect(await dispatch(notebook.core, method, {})).toEqual({
        ok: false,
        error: { code: 'not_found', message: `Unknown method: ${method}.` },
      });
    }
  });

  it('refuses invalid arguments with a readable message, without calling the core', async () => {
    const response = await dispatch(notebook.core, 'getSource', { sourceId: 7 });
    expect(response).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message:
          'Invalid arguments for getSource: sourceId: Invalid input: expected string, received number.',
      },
    });
    const badId = await dispatch(notebook.core, 'getNote', { noteId: '0' });
    expect(badId.ok === false && badId.error.message).toContain(
      'noteId: must be a positive integer id written as a string',
    );
    const neither = await dispatch(notebook.core, 'markPassage', { sourceId: '1' });
    expect(neither.ok === false && neither.error.message).toMatch(
      /either \(start: .*; end: .*\) or \(quote: .*\)/,
    );
    expect(await dispatch(notebook.core, 'importText', 'just a string')).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    const badOperationId = await dispatch(notebook.core, 'rebuildSearchIndex', {
      operationId: 'no spaces allowed',
    });
    expect(badOperationId).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(notebook.core.listSources({})).toEqual([]);
  });

  it('passes a DossierError through with its code and message', async () => {
    expect(await dispatch(notebook.core, 'getSource', { sourceId: '7' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No source with id 7' },
    });
    expect(await dispatch(notebook.core, 'importText', { text: ' \n ' })).toEqual({
      ok: false,
      error: { code: 'unsupported', message: 'The text is empty; there is nothing to import.' },
    });
  });

  it('turns any other exception into an internal error and logs it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = {
      ...notebook.core,
      listSources: () => {
        throw new TypeError('boom');
      },
    } as CoreApi;
    expect(await dispatch(broken, 'listSources', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Internal error: boom' },
    });
    expect(logged).toHaveBeenCalledOnce();
  });

  it('runs a long method under its operationId and reports its progress', async () => {
    await notebook.core.importText({ text: 'Harbour\n\nThe harbour froze.' });
    const events: ProgressEvent[] = [];
    const response = await dispatch(
      notebook.core,
      'rebuildSearchIndex',
      { operationId: 'rebuild-1' },
      { onProgress: (event) => events.push(event) },
    );
    expect(response).toEqual({ ok: true, value: { sources: 1, passages: 0, notes: 0 } });
    expect(events[0]).toMatchObject({
      type: 'progress',
      operationId: 'rebuild-1',
      method: 'rebuildSearchIndex',
      state: 'running',
    });
    expect(events.at(-1)).toMatchObject({ state: 'finished', done: 1, total: 1 });
  });

  it('runs a long method without an operationId quietly', async () => {
    const onProgress = vi.fn();
    const response = await dispatch(notebook.core, 'checkNotebook', {}, { onProgress });
    expect(response).toMatchObject({ ok: true, value: { ok: true, problems: [] } });
    expect(onProgress).not.toHaveBeenCalled();
  });

  it('isApiMethod knows exactly the contract methods', () => {
    expect(apiMethodNames.every(isApiMethod)).toBe(true);
    expect(isApiMethod('hasOwnProperty')).toBe(false);
    expect(isApiMethod('close')).toBe(false);
    expect(isApiMethod('dataVersion')).toBe(false);
  });
});
