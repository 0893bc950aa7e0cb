import { DossierError } from './errors';

/** Larger files are refused before decoding; an article is far smaller. Every host checks it. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

function formatMiB(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
}

/** The one wording of "too large", naming the limit, for the CLI, the core and the UI. */
export function tooLargeToImport(what: string, bytes: number): DossierError {
  return new DossierError(
    'too_large',
    `${what} is ${formatMiB(bytes)}; the import limit is ${formatMiB(MAX_IMPORT_BYTES)}.`,
  );
}
