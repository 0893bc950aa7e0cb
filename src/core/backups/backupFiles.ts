/**
 * Where a notebook's backups live and how their names read: a folder beside
 * the notebook (`dossier.db.backups/`), one file per backup named by when it
 * was made and why, so that a plain listing sorts oldest first and says what
 * each one is: `2026-12-04T20-37-03-123Z.automatic.db`.
 */
import path from 'node:path';
import type { BackupReason } from '../../shared/api';

export type { BackupReason };
export const backupReasons = [
  'automatic',
  'manual',
  'before-upgrade',
  'before-restore',
] as const satisfies readonly BackupReason[];

/** The backups folder of the notebook `dbFile`. */
export function backupFolderOf(dbFile: string): string {
  return `${path.resolve(dbFile)}.backups`;
}

/** A time in a file name: ISO 8601 in UTC with `-` for `:` and `.` (Windows forbids `:`). */
function stampOf(time: Date): string {
  return time.toISOString().replace(/[:.]/g, '-');
}

const namePattern = new RegExp(
  `^(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)\\.(${backupReasons.join('|')})(?:-(\\d+))?\\.db$`,
);

/**
 * The name of a backup made at `time`; `attempt` > 1 tells apart two made in
 * the same millisecond.
 */
export function backupFileName(reason: BackupReason, time: Date, attempt = 1): string {
  return `${stampOf(time)}.${reason}${attempt > 1 ? `-${attempt}` : ''}.db`;
}

export interface BackupName {
  createdAt: Date;
  reason: BackupReason;
  attempt: number;
}

/** What a file name in the backups folder says, or null for a file that is not a backup (a partial copy). */
export function parseBackupFileName(name: string): BackupName | null {
  const match = namePattern.exec(name);
  if (!match) return null;
  const [date, time] = match[1]!.split('T') as [string, string];
  const [hours, minutes, seconds, millis] = time.slice(0, -1).split('-');
  const createdAt = new Date(`${date}T${hours}:${minutes}:${seconds}.${millis}Z`);
  if (Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, reason: match[2] as BackupReason, attempt: Number(match[3] ?? 1) };
}

/** A copy still being written or checked has this suffix; it is never listed as a backup. */
export const PARTIAL_SUFFIX = '.partial';
