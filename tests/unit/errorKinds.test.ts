/** The one table of error kinds: every code has its HTTP status and its CLI exit code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/sharedData';
import {
  DossierError,
  errorCodes,
  errorKinds,
  isDossierError,
  toErrorInfo,
} from '../../src/shared/errors';

describe('error kinds', () => {
  it('gives every code an HTTP error status and a non-zero exit code', () => {
    expect(errorCodes).toEqual(Object.keys(errorKinds));
    expect(errorCodes.length).toBeGreaterThan(0);
    for (const code of errorCodes) {
      const { httpStatus, exitCode } = errorKinds[code];
      expect(Number.isInteger(httpStatus), code).toBe(true);
      expect(httpStatus, code).toBeGreaterThanOrEqual(400);
      expect(httpStatus, code).toBeLessThan(600);
      expect([1, 2], code).toContain(exitCode);
    }
  });

  it('is the table the README lists, row for row', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z_]+)` +\|[^|]+\| (\d+) +\| (\d+) +\|$/gm)].map(
      ([, code, httpStatus, exitCode]) => [code, Number(httpStatus), Number(exitCode)],
    );
    expect(rows).toEqual(
      errorCodes.map((code) => [code, errorKinds[code].httpStatus, errorKinds[code].exitCode]),
    );
  });

  it('exits 2 exactly for a wrong call (usage, invalid_argument), 1 for every other failure', () => {
    const exitingTwo = errorCodes.filter((code) => errorKinds[code].exitCode === 2).sort();
    expect(exitingTwo).toEqual(['invalid_argument', 'usage']);
  });

  it('maps the kinds a client tells apart to their usual HTTP statuses', () => {
    expect(errorKinds.invalid_argument.httpStatus).toBe(400);
    expect(errorKinds.unauthorized.httpStatus).toBe(401);
    expect(errorKinds.forbidden.httpStatus).toBe(403);
    expect(errorKinds.not_found.httpStatus).toBe(404);
    expect(errorKinds.conflict.httpStatus).toBe(409);
    expect(errorKinds.already_exists.httpStatus).toBe(409);
    expect(errorKinds.too_large.httpStatus).toBe(413);
    expect(errorKinds.unsupported.httpStatus).toBe(415);
    expect(errorKinds.internal.httpStatus).toBe(500);
  });

  it('keeps a DossierError kind and message, and calls anything else internal', () => {
    const expected = new DossierError('conflict', 'Notes still link to it.');
    expect(isDossierError(expected)).toBe(true);
    expect(toErrorInfo(expected)).toEqual({ code: 'conflict', message: 'Notes still link to it.' });

    expect(isDossierError(new Error('boom'))).toBe(false);
    expect(toErrorInfo(new TypeError('boom'))).toEqual({
      code: 'internal',
      message: 'Internal error: boom',
    });
    expect(toErrorInfo('a thrown string')).toEqual({
      code: 'internal',
      message: 'Internal error: a thrown string',
    });
  });
});
