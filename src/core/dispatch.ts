import type { z } from 'zod';
import { apiArgs, type ApiMethod, type ApiResponse, type CoreApi } from '../shared/api';
import { apiMethods } from '../shared/apiMethods';
import { toErrorInfo } from '../shared/errors';
import type { ProgressEvent } from '../shared/notebookEvents';
import { runOperation } from './operations';

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiArgs, name);
}

export interface DispatchOptions {
  /** Where a long method's progress goes (the host pushes it to the windows). */
  onProgress?: (event: ProgressEvent) => void;
}

/**
 * The one entry point every host (IPC, HTTP, CLI) uses: checks the method name
 * and its arguments against the contract, calls the core, and turns every
 * failure into an error response — nothing is thrown back at the host.
 */
export async function dispatch(
  core: CoreApi,
  method: string,
  rawArgs: unknown,
  options: DispatchOptions = {},
): Promise<ApiResponse<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'not_found', message: `Unknown method: ${method}.` } };
  }
  // A method without arguments may be called with none.
  const parsed = apiArgs[method].safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const message = `Invalid arguments for ${method}: ${describeIssues(parsed.error.issues)}.`;
    return { ok: false, error: { code: 'invalid_argument', message } };
  }
  try {
    const call = core[method] as (args: unknown, operation?: unknown) => unknown;
    const value = apiMethods[method].long
      ? await runOperation(
          {
            method,
            operationId: (parsed.data as { operationId?: string }).operationId,
            report: options.onProgress ?? (() => undefined),
          },
          (operation) => call(parsed.data, operation) as Promise<unknown>,
        )
      : call(parsed.data);
    return { ok: true, value };
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.code === 'internal') console.error(`Internal error in ${method}:`, error);
    return { ok: false, error: info };
  }
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
