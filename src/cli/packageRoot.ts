import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder holding Dossier's package.json, found from wherever this file was loaded. */
export function findPackageRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}
