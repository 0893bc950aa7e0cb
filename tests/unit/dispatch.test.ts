import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch, isApiMethod } from '../../src/core/dispatch';
import type { CoreApi } from '../../src/shared/api';
import { apiMethodNames } from '../../src/shared/apiMethodNames';
import { useTempCore } from './support/tempCore';

const notebook = useTempCore();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dispatch', () => {
  it('calls the core with validated arguments and wraps the value', () => {
    const imported = dispatch(notebook.core, 'importText', { text: 'Title\n\nbody' });
    expect(imported).toEqual({
      ok: true,
      value: { status: 'imported', sourceId: '1', title: 'Title' },
    });
    expect(dispatch(notebook.core, 'listSources', undefined)).toMatchObject({
      ok: true,
      value: [{ id: '1' }],
    });
  });

  it('answers not_found for an unknown method, even one inherited from Object', () => {
    for (const method of ['dropTables', 'toString', '__proto__', 'constructor']) {
      expect(dispatch(notebook.core, method, {})).toEqual({
        ok: false,
        error: { code: 'not_found', message: `Unknown method: ${method}.` },
      });
    }
  });

  it('refuses invalid arguments with a readable message, without calling the core', () => {
    const response = dispatch(notebook.core, 'getSource', { sourceId: 7 });
    expect(response).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message:
          'Invalid arguments for getSource: sourceId: Invalid input: expected string, received number.',
      },
    });
    const badId = dispatch(notebook.core, 'getNote', { noteId: '0' });
    expect(badId.ok === false && badId.error.message).toContain(
      'noteId: must be a positive integer id written as a string',
    );
    const neither = dispatch(notebook.core, 'markPassage', { sourceId: '1' });
    expect(neither.ok === false && neither.error.message).toMatch(
      /either \(start: .*; end: .*\) or \(quote: .*\)/,
    );
    expect(dispatch(notebook.core, 'importText', 'just a string')).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(notebook.core.listSources({})).toEqual([]);
  });

  it('passes a DossierError through with its code and message', () => {
    expect(dispatch(notebook.core, 'getSource', { sourceId: '7' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No source with id 7' },
    });
  });

  it('turns any other exception into an internal error and logs it', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = {
      ...notebook.core,
      listSources: () => {
        throw new TypeError('boom');
      },
    } as CoreApi;
    expect(dispatch(broken, 'listSources', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Internal error: boom' },
    });
    expect(logged).toHaveBeenCalledOnce();
  });

  it('isApiMethod knows exactly the contract methods', () => {
    expect(apiMethodNames.every(isApiMethod)).toBe(true);
    expect(isApiMethod('hasOwnProperty')).toBe(false);
    expect(isApiMethod('close')).toBe(false);
  });
});
