import type { z } from 'zod';
import {
  apiArgs,
  type ApiMethod,
  type ApiResponse,
  type CoreApi,
  type ValidArgs,
} from '../shared/api';
import { apiMethods, type CoreMethodName } from '../shared/apiMethods';
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
  if (isHostMethod(method)) {
    const message = `${method} is answered by the app or \`dossier serve\`, not here; restore with \`dossier restore FILE\`.`;
    return { ok: false, error: { code: 'unsupported', message } };
  }
  const parsed = parseArgs(method, rawArgs);
  if (!parsed.ok) return parsed;
  try {
    const call = core[method] as (args: unknown, operation?: unknown) => unknown;
    const value = apiMethods[method].long
      ? await runOperation(
          {
            method,
            operationId: (parsed.value as { operationId?: string }).operationId,
            report: options.onProgress ?? (() => undefined),
          },
          (operation) => call(parsed.value, operation) as Promise<unknown>,
        )
      : call(parsed.value);
    return { ok: true, value };
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.code === 'internal') console.error(`Internal error in ${method}:`, error);
    return { ok: false, error: info };
  }
}

function isHostMethod(method: ApiMethod): method is Exclude<ApiMethod, CoreMethodName> {
  return apiMethods[method].kind === 'host';
}

/** The arguments checked against the contract's schema; a method without arguments may be called with none. */
export function parseArgs<M extends ApiMethod>(
  method: M,
  rawArgs: unknown,
): ApiResponse<ValidArgs<M>> {
  const parsed = apiArgs[method].safeParse(rawArgs ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ValidArgs<M> };
  const message = `Invalid arguments for ${method}: ${describeIssues(parsed.error.issues)}.`;
  return { ok: false, error: { code: 'invalid_argument', message } };
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
