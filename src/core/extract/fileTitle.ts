import path from 'node:path';

/** A file's name without its extension: the title of a document that names itself nowhere. */
export function fileTitle(fileName: string): string {
  return path.parse(fileName).name.trim() || path.basename(fileName) || 'Untitled';
}
