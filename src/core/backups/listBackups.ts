import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../shared/api';
import { backupFolderOf, parseBackupFileName } from './backupFiles';
import { verifyBackupFile, type BackupCheck } from './verifyBackup';

/**
 * The backups of the notebook `dbFile`, newest first, each checked (see
 * verifyBackupFile). No folder yet means no backups.
 */
export function listBackups(dbFile: string): BackupEntry[] {
  const folder = backupFolderOf(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: Array<{ entry: BackupEntry; order: [number, number] }> = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const file = path.join(folder, name);
    let bytes: number;
    let check: BackupCheck;
    try {
      bytes = fs.statSync(file).size;
      check = verifyBackupFile(file);
    } catch {
      continue; // Rotated away by another process since the listing.
    }
    const entry: BackupEntry = {
      file,
      createdAt: parsed.createdAt.toISOString(),
      bytes,
      reason: parsed.reason,
      schemaVersion: check.schemaVersion,
      verified: check.verified,
    };
    found.push({ entry, order: [parsed.createdAt.getTime(), parsed.attempt] });
  }
  found.sort((a, b) => b.order[0] - a.order[0] || b.order[1] - a.order[1]);
  return found.map(({ entry }) => entry);
}

/** When the newest backup of `dbFile` was made, from the names alone (nothing is opened); null when there is none. */
export function newestBackupTime(dbFile: string): number | null {
  let names: string[];
  try {
    names = fs.readdirSync(backupFolderOf(dbFile));
  } catch {
    return null;
  }
  const times = names.flatMap((name) => parseBackupFileName(name)?.createdAt.getTime() ?? []);
  return times.length > 0 ? Math.max(...times) : null;
}
