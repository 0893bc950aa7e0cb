/**
 * Creating export files without ever touching one that is already there: each
 * is opened with O_CREAT | O_EXCL, which fails on any existing name — a file,
 * a folder, or a symbolic link (which is never followed, wherever it points).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DossierError } from '../../shared/errors';
import { numberedFileName } from './safeFileName';

/** Past this many "Title (n)" names taken, something else is wrong with the folder. */
const MAX_NUMBER = 10_000;

const EXCLUSIVE_WRITE =
  fs.constants.O_WRONLY |
  fs.constants.O_CREAT |
  fs.constants.O_EXCL |
  // Not on Windows; O_EXCL alone already refuses a link there.
  (fs.constants.O_NOFOLLOW ?? 0);

export interface NewFile {
  file: string;
  fd: number;
}

/** Opens `file` for writing if nothing has that name yet; already_exists otherwise. */
export function openNewFile(file: string): NewFile {
  try {
    return { file, fd: fs.openSync(file, EXCLUSIVE_WRITE, 0o644) };
  } catch (error) {
    if (errorCode(error) === 'EEXIST') {
      throw new DossierError('already_exists', `${file} already exists; choose a new file name.`);
    }
    throw cannotWrite(file, error);
  }
}

/**
 * Opens the first free name of `stem` + `extension` in `folder` ("Title.md",
 * "Title (2).md", …): a name taken before, by this export or by anything else,
 * is left alone.
 */
export function openNumberedFile(folder: string, stem: string, extension: string): NewFile {
  for (let n = 1; n <= MAX_NUMBER; n++) {
    const file = path.join(folder, numberedFileName(stem, extension, n));
    try {
      return openNewFile(file);
    } catch (error) {
      if ((error as DossierError).code !== 'already_exists') throw error;
    }
  }
  throw new DossierError(
    'already_exists',
    `${path.join(folder, stem)} and ${MAX_NUMBER - 1} numbered names after it already exist in ${folder}; choose another folder.`,
  );
}

/** Writes all of `text` (UTF-8) to a new file named after `stem`, and closes it. */
export function writeNumberedFile(
  folder: string,
  stem: string,
  extension: string,
  text: string,
): string {
  const { file, fd } = openNumberedFile(folder, stem, extension);
  try {
    fs.writeFileSync(fd, text);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw cannotWrite(file, error);
  }
  fs.closeSync(fd);
  return file;
}

/**
 * The folder to export into, created when absent. A path that is there but is
 * not a folder is refused.
 */
export function exportFolder(destination: string): string {
  const folder = path.resolve(destination);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw cannotWrite(folder, error);
  }
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new DossierError(
      'invalid_argument',
      `${folder} is not a folder; choose a folder to export into.`,
    );
  }
  return folder;
}

export function cannotWrite(file: string, error: unknown): DossierError {
  return new DossierError(
    'forbidden',
    `Cannot write ${file} (${errorCode(error) ?? String(error)}).`,
  );
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}
