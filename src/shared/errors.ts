/**
 * Error kinds shared by every host. A code says what kind of failure it is, for
 * programs; the message says what happened, for the analyst. The table below is
 * the one place that maps a kind to its HTTP status and its CLI exit code (the
 * README lists it).
 */
export const errorKinds = {
  /** The arguments do not fit the contract (schema, range, query syntax). */
  invalid_argument: { httpStatus: 400, exitCode: 2 },
  /** The CLI was called wrongly (unknown command or option, missing argument). CLI only. */
  usage: { httpStatus: 400, exitCode: 2 },
  /** No such source, passage, note, file or quote. */
  not_found: { httpStatus: 404, exitCode: 1 },
  /** The notebook's present state forbids it (notes still link to the passage). */
  conflict: { httpStatus: 409, exitCode: 1 },
  /** It would overwrite something that exists (a backup file). */
  already_exists: { httpStatus: 409, exitCode: 1 },
  /** Over a size limit. */
  too_large: { httpStatus: 413, exitCode: 1 },
  /** Input Dossier cannot take: empty, binary, badly encoded, a folder, a notebook from a newer Dossier. */
  unsupported: { httpStatus: 415, exitCode: 1 },
  /** The disk holding the notebook is full; nothing was saved. */
  disk_full: { httpStatus: 507, exitCode: 1 },
  /** The notebook or a backup failed its checks. */
  damaged: { httpStatus: 500, exitCode: 1 },
  /** Stopped on request before it finished; nothing of it was kept. */
  cancelled: { httpStatus: 409, exitCode: 1 },
  /** Browser mode: the request lacked the access token. */
  unauthorized: { httpStatus: 401, exitCode: 1 },
  /** Not permitted: a file the system will not let Dossier read, a foreign host or page. */
  forbidden: { httpStatus: 403, exitCode: 1 },
  /** A web address could not be fetched: offline, unknown host, refused, timed out, a server error. */
  unavailable: { httpStatus: 502, exitCode: 1 },
  /** A bug: something Dossier did not expect. */
  internal: { httpStatus: 500, exitCode: 1 },
} as const satisfies Record<string, { httpStatus: number; exitCode: number }>;

export type ErrorCode = keyof typeof errorKinds;

export const errorCodes = Object.keys(errorKinds) as ErrorCode[];

/** What a failed call carries across every boundary (IPC, HTTP, worker messages). */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** An expected failure with a message fit to show the user as it is. */
export class DossierError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DossierError';
  }
}

export function isDossierError(value: unknown): value is DossierError {
  return value instanceof DossierError;
}

/** Any thrown value as error information: a DossierError keeps its kind, anything else is `internal`. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (isDossierError(error)) return { code: error.code, message: error.message };
  return {
    code: 'internal',
    message: `Internal error: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/** A message fit to show for anything a call may throw. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
