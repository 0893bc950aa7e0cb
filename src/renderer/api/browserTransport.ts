import type { ApiMethod, ApiResponse } from '../../shared/api';
import { markUnauthorized } from './authState';
import { browserToken } from './browserToken';
import type { Transport } from './transport';

/** Browsers refuse keepalive requests whose bodies total more than 64 KiB. */
const keepaliveBodyLimit = 60_000;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Whether a call with these arguments can be sent so that it outlives the page. */
export function fitsInKeepalive(args: unknown): boolean {
  return utf8Length(JSON.stringify(args)) <= keepaliveBodyLimit;
}

function failure(code: 'unauthorized' | 'internal', message: string): ApiResponse<never> {
  return { ok: false, error: { code, message } };
}

/** Calls `POST /api/<method>` on the `dossier serve` host that served this page. */
export function browserTransport(options: { keepalive: boolean }): Transport {
  return (async (method: ApiMethod, args: unknown): Promise<ApiResponse<unknown>> => {
    const body = JSON.stringify(args);
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${browserToken() ?? ''}`,
        },
        body,
        // Too large for keepalive: still try; the request may finish before the page goes.
        keepalive: options.keepalive && fitsInKeepalive(args),
      });
    } catch {
      return failure('internal', 'Cannot reach Dossier. Is `dossier serve` still running?');
    }
    if (response.status === 401) {
      markUnauthorized();
      return failure('unauthorized', 'This page needs the link printed by `dossier serve`.');
    }
    try {
      return (await response.json()) as ApiResponse<unknown>;
    } catch {
      return failure(
        'internal',
        `Dossier answered with an unreadable response (${response.status}).`,
      );
    }
    // The host answers each method with that method's result type.
  }) as Transport;
}
