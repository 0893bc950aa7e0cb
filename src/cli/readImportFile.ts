/** Reads a file named on the command line, refusing what is not a readable regular file. */
import { readFileSync, statSync } from 'node:fs';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../shared/importLimits';
import { DossierError } from '../shared/errors';

export function readImportFile(file: string): Buffer {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DossierError('not_found', `No such file: ${file}`);
    throw new DossierError('forbidden', `Cannot read ${file} (${code ?? 'unknown error'})`);
  }
  if (stat.isDirectory())
    throw new DossierError('unsupported', `${file} is a directory, not a file`);
  if (!stat.isFile()) throw new DossierError('unsupported', `${file} is not a regular file`);
  // Checked before reading, so a huge file is never loaded into memory.
  if (stat.size > MAX_IMPORT_BYTES) throw tooLargeToImport(file, stat.size);
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DossierError('forbidden', `Cannot read ${file} (${code ?? 'unknown error'})`);
  }
}
