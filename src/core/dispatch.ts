import type { z } from 'zod';
import { apiArgs, type ApiMethod, type ApiResponse, type CoreApi } from '../shared/api';
import { isDossierError, type ErrorCode } from '../shared/errors';

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiArgs, name);
}

/**
 * The one entry point every host (IPC, HTTP, CLI) uses: checks the method name
 * and its arguments against the contract, calls the core, and turns every
 * failure into an error response — nothing is thrown back at the host.
 */
export function dispatch(core: CoreApi, method: string, rawArgs: unknown): ApiResponse<unknown> {
  if (!isApiMethod(method)) return failure('not_found', `Unknown method: ${method}.`);
  // A method without arguments may be called with none.
  const parsed = apiArgs[method].safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return failure(
      'invalid_argument',
      `Invalid arguments for ${method}: ${describeIssues(parsed.error.issues)}.`,
    );
  }
  try {
    const call = core[method] as (args: unknown) => unknown;
    return { ok: true, value: call(parsed.data) };
  } catch (error) {
    if (isDossierError(error)) return failure(error.code, error.message);
    console.error(`Internal error in ${method}:`, error);
    return failure('internal', `Internal error: ${error instanceof Error ? error.message : error}`);
  }
}

function failure(code: ErrorCode, message: string): ApiResponse<never> {
  return { ok: false, error: { code, message } };
}

/** "sourceId: must be …; either (start: …) or (quote: …)" */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        return `${where}either ${issue.errors.map((branch) => `(${describeIssues(branch)})`).join(' or ')}`;
      }
      return `${where}${issue.message}`;
    })
    .join('; ');
}
