import { DossierError } from '../../shared/errors';

/** SQLite's own word that the file is not (or no longer) a sound database, or ends before its pages do. */
export function isSqliteDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_CORRUPT') ||
      code === 'SQLITE_NOTADB' ||
      code === 'SQLITE_IOERR_SHORT_READ')
  );
}

/** The commands that show what is damaged and salvage the rest, for any message about damage. */
export function whatToRunOnDamage(file: string): string {
  return (
    `Run \`dossier --db ${shellQuote(file)} check\` to see what is damaged, and ` +
    `\`dossier recover ${shellQuote(file)} --out ${shellQuote(recoveredName(file))}\` ` +
    'to salvage what can still be read into a new notebook.'
  );
}

/**
 * Damage met by a query after the notebook opened (opening reads only what it
 * must, so a damaged page deep in a table shows only when it is read).
 */
export function damageFoundByQuery(file: string, error: unknown): DossierError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DossierError('damaged', `${file} is damaged (${reason}). ${whatToRunOnDamage(file)}`);
}

/** `notebook.db` → `notebook-recovered.db`, beside it: where a salvage goes unless told otherwise. */
export function recoveredName(file: string): string {
  const match = /^(.*?)(\.db)?(\.damaged-[0-9TZ-]+)?$/.exec(file);
  return `${match?.[1] ?? file}-recovered.db`;
}

/** A path as a shell reads it back: quoted only when it needs to be. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
