import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { DossierError } from '../../shared/errors';
import { PARTIAL_SUFFIX } from './backupFiles';
import { freeBackupFile } from './makeBackup';
import { rotateBackups } from './rotation';
import { checkBackupFile, rememberVerified } from './verifyBackup';

/**
 * Before a schema upgrade, keeps a verified copy of the notebook as it was in
 * its backups folder (reason `before-upgrade`), so an upgrade can always be
 * undone. A copy that does not verify stops the upgrade: better an old
 * schema than an upgrade with nothing to go back to.
 */
export function snapshotBeforeUpgrade(db: Database.Database, now = new Date()): string {
  const file = freeBackupFile(db.name, 'before-upgrade', now);
  const partial = file + PARTIAL_SUFFIX;
  try {
    // Synchronous: the upgrade waits for its copy. VACUUM INTO writes a compact, consistent copy.
    db.prepare('VACUUM INTO ?').run(partial);
    const check = checkBackupFile(partial);
    if (!check.verified) {
      throw new DossierError(
        'damaged',
        `The copy of ${db.name} made before its upgrade did not verify (${check.problem}); the notebook was not upgraded. Run "dossier check".`,
      );
    }
    fs.renameSync(partial, file);
    // Its own schema: another program opening the notebook at the same moment may be
    // upgrading it already, so the notebook's may have moved on since the copy.
    rememberVerified(file, check.schemaVersion);
    rotateBackups(db.name, now);
    return file;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
