/** Expands the paths given to `dossier import` into the files to import, walking folders. */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../core/extract/detectFormat';

export type ImportCandidate =
  | { file: string; skipped?: undefined; refused?: undefined }
  /** A file inside a folder that is not imported, and why. */
  | { file: string; skipped: string; refused?: undefined }
  /** A folder named on the command line with nothing to import in it. */
  | { file: string; refused: string; skipped?: undefined };

/**
 * A file named on the command line is always tried (the core says what it is);
 * a folder gives the supported files directly in it, or in every subfolder too
 * with `recursive`, in name order. Hidden files and folders are left out, and
 * symbolic links to folders are not followed (they could loop).
 */
export function findImportFiles(paths: readonly string[], recursive: boolean): ImportCandidate[] {
  const candidates: ImportCandidate[] = [];
  for (const given of paths) {
    if (!isDirectory(given)) {
      candidates.push({ file: given });
      continue;
    }
    const found = walkFolder(given, recursive);
    if (found.length > 0) candidates.push(...found);
    else {
      const where = recursive
        ? 'in it or its subfolders'
        : 'in it (--recursive looks in subfolders)';
      candidates.push({ file: given, refused: `${given} holds no file ${where}.` });
    }
  }
  return candidates;
}

function walkFolder(folder: string, recursive: boolean): ImportCandidate[] {
  const found: ImportCandidate[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.shift() as string;
    const entries = readEntries(current);
    if (typeof entries === 'string') {
      found.push({ file: current, skipped: entries });
      continue;
    }
    const subfolders: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (recursive) subfolders.push(full);
      } else if (entry.isFile() || (entry.isSymbolicLink() && isFile(full))) {
        found.push(candidate(full));
      }
    }
    pending.unshift(...subfolders);
  }
  return found;
}

function candidate(file: string): ImportCandidate {
  const extension = path.extname(file).toLowerCase();
  return SUPPORTED_EXTENSIONS.includes(extension)
    ? { file }
    : { file, skipped: `${file} is not a file Dossier imports (${extension || 'no extension'})` };
}

/** A folder's entries sorted by name, or why they could not be read. */
function readEntries(folder: string): Dirent[] | string {
  try {
    return readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch (error) {
    return `Cannot read the folder ${folder} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
