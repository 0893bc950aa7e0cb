/**
 * Two programs opening a new notebook at the same moment: SQLite refuses a
 * change of journal mode at once while another connection holds a lock, so
 * the one that comes second must try again, not fail with "locked".
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/openDatabase';
import { latestSchemaVersion } from '../../src/core/db/migrations';
import { repoRoot } from '../support/sharedData';
import { useTempFolder } from './support/tempFolder';

const folder = useTempFolder('dossier-new-notebook-race-');

/** Another process writing to a new file in its first (rollback) journal mode, for `ms`. */
const holdLock = `
  const Database = require('better-sqlite3');
  const db = new Database(process.argv[1]);
  db.exec('BEGIN IMMEDIATE');
  db.exec('CREATE TABLE IF NOT EXISTS first_writer (x)');
  console.log('locked');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
  db.exec('COMMIT');
  db.close();
`;

describe('a new notebook opened by two programs at once', () => {
  it('is switched to WAL and upgraded by the one that waited', async () => {
    const file = path.join(folder.path, 'notebook.db');
    const other = spawn(process.execPath, ['-e', holdLock, file, '300'], { cwd: repoRoot });
    const exited = new Promise((resolve) => other.once('exit', resolve));
    await new Promise((resolve) => createInterface({ input: other.stdout }).once('line', resolve));

    const db = openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(await exited).toBe(0);
    } finally {
      db.close();
    }
  });
});
