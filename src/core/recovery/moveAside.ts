/**
 * A notebook that cannot be opened is moved aside, never deleted and never
 * changed (a rename keeps every byte), together with its `-wal` and `-shm`,
 * and the message says where everything went and what to run next.
 */
import fs from 'node:fs';
import { DossierError } from '../../shared/errors';
import { newestVerifiedBackup } from './newestBackup';
import { describeHolder, liveHolder } from '../backups/notebookHolder';
import { recoveredName, shellQuote, whatToRunOnDamage } from './sqliteDamage';

export interface MovedFile {
  from: string;
  to: string;
}

/** SQLite's companions of a database file; they belong to it and move with it. */
const COMPANIONS = ['', '-wal', '-shm'];

/** Renames `file` and its companions to `file.damaged-<UTC time>` (and its `-wal`, `-shm`). */
export function moveNotebookAside(file: string, now = new Date()): MovedFile[] {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let target = `${file}.damaged-${stamp}`;
  for (let attempt = 2; COMPANIONS.some((suffix) => fs.existsSync(target + suffix)); attempt++) {
    target = `${file}.damaged-${stamp}-${attempt}`;
  }
  const moved: MovedFile[] = [];
  for (const suffix of COMPANIONS) {
    if (!fs.existsSync(file + suffix)) continue;
    fs.renameSync(file + suffix, target + suffix);
    moved.push({ from: file + suffix, to: target + suffix });
  }
  return moved;
}

/**
 * Moves the damaged notebook aside and says so: which files are where, the
 * newest verified backup and the commands to go back to it or to salvage what
 * can still be read. Nothing is created in the notebook's place.
 */
export function notebookMovedAside(file: string, problem: string): DossierError {
  // Pulling the file from under a running app or server would strand what it has not saved.
  const holder = liveHolder(file);
  if (holder !== null && holder.pid !== process.pid) {
    const who = describeHolder(holder);
    return new DossierError(
      'damaged',
      `${file} is damaged: ${problem}. ${who[0]!.toUpperCase()}${who.slice(1)} has it open, so it was left where it is: ` +
        `stop that, then run this again to move it aside. ${whatToRunOnDamage(file)}`,
    );
  }
  let moved: MovedFile[];
  try {
    moved = moveNotebookAside(file);
  } catch (error) {
    return new DossierError(
      'damaged',
      `${file} is damaged (${problem}) and could not be moved aside (${(error as Error).message}). ` +
        'It was left as it is; copy it somewhere safe before anything else.',
    );
  }
  const movedNotebook = moved[0]?.to ?? file;
  const backup = newestVerifiedBackup(file);
  const lines = [
    `${file} is damaged: ${problem}.`,
    'Dossier did not open it and created nothing in its place. It was moved aside, unchanged:',
    ...moved.map(({ from, to }) => `  ${from} → ${to}`),
    backup
      ? `The newest verified backup is ${backup.file} (made ${backup.createdAt}). To go back to it, run:\n` +
        `  dossier --db ${shellQuote(file)} restore ${shellQuote(backup.file)}`
      : 'No verified backup of it was found.',
    'To salvage what can still be read into a new notebook, run:',
    `  dossier recover ${shellQuote(movedNotebook)} --out ${shellQuote(recoveredName(file))}`,
  ];
  return new DossierError('damaged', lines.join('\n'));
}
