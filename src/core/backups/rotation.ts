/**
 * Which backups stay (the rule is documented in docs/backups.md). Each reason
 * is rotated on its own, so automatic backups never push out the copy made
 * before an upgrade or a restore. Only verified backups count toward what is
 * kept, and only verified ones are ever removed: a file that does not verify
 * is listed as such and left for a person to look at. The newest verified
 * backup of all is never removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupReason } from '../../shared/api';
import { backupFolderOf, PARTIAL_SUFFIX } from './backupFiles';
import { listBackups } from './listBackups';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Automatic backups: the newest few, then one a day for a week, then one a week for two months. */
export const AUTOMATIC_KEEP = { newest: 5, daily: 7, weekly: 8 } as const;

/** Backups a person asked for, or made before something that replaces data: the newest N of each. */
export const NEWEST_KEPT: Record<Exclude<BackupReason, 'automatic'>, number> = {
  manual: 10,
  'before-restore': 5,
  'before-upgrade': 3,
};

/** The backups (of `entries`, newest first) that rotation removes at `now`. */
export function backupsToRemove(entries: readonly BackupEntry[], now: Date): BackupEntry[] {
  const good = entries.filter((entry) => entry.verified);
  const kept = new Set<BackupEntry>(good.slice(0, 1));
  for (const [reason, count] of Object.entries(NEWEST_KEPT)) {
    for (const entry of good.filter((e) => e.reason === reason).slice(0, count)) kept.add(entry);
  }
  for (const entry of keptAutomatic(
    good.filter((e) => e.reason === 'automatic'),
    now,
  )) {
    kept.add(entry);
  }
  return good.filter((entry) => !kept.has(entry));
}

function keptAutomatic(newestFirst: readonly BackupEntry[], now: Date): BackupEntry[] {
  const kept = newestFirst.slice(0, AUTOMATIC_KEEP.newest);
  const today = dayNumber(now.getTime());
  const thisWeek = weekNumber(today);
  const daysSeen = new Set<number>();
  const weeksSeen = new Set<number>();
  for (const entry of newestFirst) {
    const day = dayNumber(Date.parse(entry.createdAt));
    const week = weekNumber(day);
    // The first one met in a day or a week is that day's or week's newest.
    if (today - day < AUTOMATIC_KEEP.daily && !daysSeen.has(day)) kept.push(entry);
    if (thisWeek - week < AUTOMATIC_KEEP.weekly && !weeksSeen.has(week)) kept.push(entry);
    daysSeen.add(day);
    weeksSeen.add(week);
  }
  return kept;
}

/** Days since 1970-01-01, in UTC. */
function dayNumber(time: number): number {
  return Math.floor(time / DAY_MS);
}

/** Weeks from Monday to Sunday (UTC); 1970-01-01 was a Thursday. */
function weekNumber(day: number): number {
  return Math.floor((day + 3) / 7);
}

/**
 * Removes what the rule no longer keeps from the backups folder of `dbFile`.
 * Called only once a new backup has been made and verified.
 */
export function rotateBackups(dbFile: string, now: Date): BackupEntry[] {
  const removed = backupsToRemove(listBackups(dbFile), now);
  for (const entry of removed) fs.rmSync(entry.file, { force: true });
  removeAbandonedCopies(dbFile, now);
  return removed;
}

/**
 * A copy still named `.partial` a day later was cut short (the process was
 * stopped mid-copy); it never became a backup. A younger one may still be
 * under way in another process.
 */
function removeAbandonedCopies(dbFile: string, now: Date): void {
  const folder = backupFolderOf(dbFile);
  for (const name of fs.readdirSync(folder)) {
    if (!name.endsWith(PARTIAL_SUFFIX)) continue;
    const file = path.join(folder, name);
    try {
      if (now.getTime() - fs.statSync(file).mtimeMs > DAY_MS) fs.rmSync(file, { force: true });
    } catch {
      // Finished or removed by its own process meanwhile.
    }
  }
}
