/** Error codes of a name lookup that found nothing: no network, or no such host. */
const LOOKUP_FAILURES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * What went wrong when fetch() itself failed (Node reports "fetch failed" and
 * puts the system's error, with its code, in `cause`), said for the analyst.
 */
export function describeNetworkError(error: unknown, host: string): string {
  const cause = causeOf(error);
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (LOOKUP_FAILURES.has(code)) {
    return `Could not reach ${host}: this computer seems to be offline or the address is wrong.`;
  }
  if (code === 'ECONNREFUSED') {
    return `Could not reach ${host}: it refused the connection. Check the address (and the port, if it has one).`;
  }
  if (CONNECTION_FAILURES.has(code)) {
    return `Could not reach ${host}: the connection failed (${code}). Check that this computer is online and try again.`;
  }
  if (/CERT|SSL|TLS/i.test(code)) {
    return `Could not reach ${host} securely: its certificate was not accepted (${code}).`;
  }
  const detail = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `Could not reach ${host}: ${detail}.`;
}

function causeOf(error: unknown): { code?: unknown; message?: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const cause = error.cause;
  if (cause instanceof Error) return cause as Error & { code?: unknown };
  return error as Error & { code?: unknown };
}
