/** Error codes shared by every host; messages are written for the analyst, codes for programs. */
export const errorCodes = [
  'invalid_argument',
  'not_found',
  'empty_file',
  'binary_file',
  'too_large',
  'invalid_encoding',
  'not_a_file',
  'unreadable_file',
  'quote_not_found',
  'ambiguous_quote',
  'invalid_query',
  'database_too_new',
  'database_damaged',
  'unauthorized',
  'forbidden',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

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
