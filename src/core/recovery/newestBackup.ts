import type { BackupEntry } from '../../shared/api';
import { listBackups } from '../backups/listBackups';

/** The newest backup of the notebook that verified, if any; a backups folder that cannot be read has none. */
export function newestVerifiedBackup(dbFile: string): BackupEntry | undefined {
  try {
    return listBackups(dbFile).find((backup) => backup.verified);
  } catch {
    return undefined;
  }
}
