/** Runs the `dossier` command on a notebook, as a user in a terminal beside the app would. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../support/sharedData';

/** Its stdout; a failure (non-zero exit) throws with its stderr. */
export function runDossier(databaseFile: string, ...args: string[]): string {
  return execFileSync(
    process.execPath,
    [path.join(repoRoot, 'bin/dossier.cjs'), '--db', databaseFile, ...args],
    { encoding: 'utf8' },
  );
}
