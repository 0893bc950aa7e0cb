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
 * The files one export writes into a folder: each under the first free name of
 * its stem ("Title.md", "Title (2).md", …), a name taken before — by this
 * export or by anything else — left alone. Counting goes on from the last
 * number each name got, so a thousand "Untitled" notes do not each try every
 * name before theirs.
 */
export class NewFilesFolder {
  private readonly nextNumber = new Map<string, number>();
  private readonly written: string[] = [];

  constructor(readonly folder: string) {}

  /** Writes all of `text` (UTF-8) to a new file, closes it, and returns its path. */
  write(stem: string, extension: string, text: string): string {
    const { file, fd } = this.open(stem, extension);
    this.written.push(file);
    try {
      fs.writeFileSync(fd, text);
    } catch (error) {
      throw cannotWrite(file, error);
    } finally {
      fs.closeSync(fd);
    }
    return file;
  }

  /** Takes back what this export wrote (it never opened a file it did not create). */
  removeWritten(): void {
    for (const file of this.written.splice(0)) fs.rmSync(file, { force: true });
  }

  private open(stem: string, extension: string): NewFile {
    const name = `${stem}${extension}`.toLowerCase();
    for (let n = this.nextNumber.get(name) ?? 1; n <= MAX_NUMBER; n++) {
      const file = path.join(this.folder, numberedFileName(stem, extension, n));
      try {
        const opened = openNewFile(file);
        this.nextNumber.set(name, n + 1);
        return opened;
      } catch (error) {
        if ((error as DossierError).code !== 'already_exists') throw error;
      }
    }
    throw new DossierError(
      'already_exists',
      `${stem}${extension} and ${MAX_NUMBER - 1} numbered names after it already exist in ${this.folder}; choose another folder.`,
    );
  }
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
