import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupFileName, backupFolderOf } from '../../src/core/backups/backupFiles';
import { listBackups } from '../../src/core/backups/listBackups';
import { makeBackup } from '../../src/core/backups/makeBackup';
import { AUTOMATIC_KEEP, backupsToRemove, NEWEST_KEPT } from '../../src/core/backups/rotation';
import { openDatabase, type WritableDB } from '../../src/core/db/openDatabase';
import type { BackupEntry, BackupReason } from '../../src/shared/api';
import { useTempCore } from './support/tempCore';
import { useTempFolder } from './support/tempFolder';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

describe('backUpNow and listBackups', () => {
  const temp = useTempCore();

  it('keep a verified copy in the folder beside the notebook, newest first', async () => {
    const file = path.join(temp.dir, 'dossier.db');
    temp.core.createNote({ title: 'Harbour log', text: 'The ferry left at dawn.' });
    const first = await temp.core.backUpNow({});
    temp.core.createNote({ title: 'Second thoughts', text: 'It came back at noon.' });
    const second = await temp.core.backUpNow({});

    expect(backupFolderOf(file)).toBe(`${file}.backups`);
    expect(path.dirname(first.file)).toBe(backupFolderOf(file));
    expect(path.basename(first.file)).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.manual\.db$/,
    );
    expect(temp.core.listBackups({})).toEqual([second, first]);
    expect(second).toMatchObject({
      reason: 'manual',
      verified: true,
      schemaVersion: expect.any(Number),
    });
    expect(second.bytes).toBe(fs.statSync(second.file).size);

    const copy = new Database(first.file, { readonly: true });
    try {
      expect(copy.prepare('SELECT title FROM notes').pluck().all()).toEqual(['Harbour log']);
    } finally {
      copy.close();
    }
  });

  it('list nothing before the first backup, and never a partial copy', () => {
    const file = path.join(temp.dir, 'dossier.db');
    expect(listBackups(file)).toEqual([]);
    fs.mkdirSync(backupFolderOf(file));
    const name = backupFileName('automatic', new Date());
    fs.writeFileSync(path.join(backupFolderOf(file), `${name}.partial`), 'half a copy');
    fs.writeFileSync(path.join(backupFolderOf(file), 'notes.txt'), 'mine');
    expect(listBackups(file)).toEqual([]);
  });

  it('call a damaged or foreign file unverified', async () => {
    const file = path.join(temp.dir, 'dossier.db');
    const good = await temp.core.backUpNow({});
    const folder = backupFolderOf(file);
    const later = (hours: number) => new Date(Date.parse(good.createdAt) + hours * HOUR);

    const garbage = path.join(folder, backupFileName('automatic', later(1)));
    fs.writeFileSync(garbage, Buffer.alloc(8192, 7));
    const truncated = path.join(folder, backupFileName('automatic', later(2)));
    fs.writeFileSync(truncated, fs.readFileSync(good.file).subarray(0, 4096 + 100));
    const foreign = path.join(folder, backupFileName('automatic', later(3)));
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.pragma('user_version = 999');
    other.close();

    const listed = listBackups(file);
    expect(listed.map((entry) => [entry.file, entry.verified])).toEqual([
      [foreign, false],
      [truncated, false],
      [garbage, false],
      [good.file, true],
    ]);
    expect(listed[0]!.schemaVersion).toBe(999);
    expect(listed[2]!.schemaVersion).toBeNull();

    // A good backup damaged later is checked again (its time changed), and no longer counts.
    const bytes = fs.readFileSync(good.file);
    bytes.fill(0x5a, 4096 + 100);
    fs.writeFileSync(good.file, bytes);
    expect(listBackups(file).at(-1)).toMatchObject({ file: good.file, verified: false });
  });
});

describe('rotation', () => {
  const temp = useTempFolder('dossier-rotation-');
  const now = new Date('2026-12-04T20:00:00.000Z');

  function entry(reason: BackupReason, ageMs: number, verified = true): BackupEntry {
    const createdAt = new Date(now.getTime() - ageMs).toISOString();
    return {
      file: `${reason}@${createdAt}`,
      createdAt,
      bytes: 1,
      reason,
      schemaVersion: 1,
      verified,
    };
  }
  const kept = (entries: BackupEntry[]) => {
    const removed = new Set(backupsToRemove(entries, now));
    return entries.filter((e) => !removed.has(e));
  };

  it('keeps the newest automatic ones, then one a day for a week, then one a week for eight weeks', () => {
    // One every 4 hours for 100 days, newest first.
    const all = Array.from({ length: (100 * DAY) / (4 * HOUR) }, (_, i) =>
      entry('automatic', i * 4 * HOUR),
    );
    const staying = kept(all);

    expect(staying.slice(0, AUTOMATIC_KEEP.newest)).toEqual(all.slice(0, AUTOMATIC_KEEP.newest));
    const days = (e: BackupEntry) => Math.floor(Date.parse(e.createdAt) / DAY);
    const today = days(all[0]!);
    // The newest of each of the last 7 days, no two of one day beyond the newest few.
    const daily = staying.slice(AUTOMATIC_KEEP.newest).filter((e) => today - days(e) < 7);
    expect(new Set(daily.map(days)).size).toBe(daily.length);
    for (let d = 0; d < AUTOMATIC_KEEP.daily; d++) {
      const newestOfDay = all.find((e) => days(e) === today - d)!;
      expect(staying).toContain(newestOfDay);
    }
    // Older ones: at most one a week, and none beyond eight weeks.
    const weekly = staying.filter((e) => today - days(e) >= 7);
    expect(weekly.length).toBeGreaterThanOrEqual(AUTOMATIC_KEEP.weekly - 2);
    expect(weekly.length).toBeLessThanOrEqual(AUTOMATIC_KEEP.weekly);
    expect(Math.min(...weekly.map(days))).toBeGreaterThan(today - AUTOMATIC_KEEP.weekly * 7 - 1);
    expect(staying.length).toBeLessThan(
      AUTOMATIC_KEEP.newest + AUTOMATIC_KEEP.daily + AUTOMATIC_KEEP.weekly,
    );
  });

  it('rotates manual, before-restore and before-upgrade backups apart, the newest N of each', () => {
    const entries = [
      ...Array.from({ length: 30 }, (_, i) => entry('automatic', i * HOUR)),
      ...Array.from({ length: 12 }, (_, i) => entry('manual', 200 * DAY + i * DAY)),
      ...Array.from({ length: 7 }, (_, i) => entry('before-restore', 300 * DAY + i * DAY)),
      ...Array.from({ length: 4 }, (_, i) => entry('before-upgrade', 400 * DAY + i * DAY)),
    ].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    const staying = kept(entries);
    const count = (reason: BackupReason) => staying.filter((e) => e.reason === reason).length;
    expect(count('manual')).toBe(NEWEST_KEPT.manual);
    expect(count('before-restore')).toBe(NEWEST_KEPT['before-restore']);
    expect(count('before-upgrade')).toBe(NEWEST_KEPT['before-upgrade']);
    expect(staying).toContainEqual(entries.find((e) => e.reason === 'before-upgrade'));
  });

  it('never removes the last good backup, and an unverifiable file never counts as good', () => {
    const good = entry('automatic', 200 * DAY);
    const broken = Array.from({ length: 8 }, (_, i) => entry('automatic', i * HOUR, false));
    const entries = [...broken, good];
    expect(backupsToRemove(entries, now)).toEqual([]);
    // Beside newer good ones, an old good backup goes; the broken files are left for a person to see.
    const newer = Array.from({ length: 5 }, (_, i) => entry('automatic', 10 * HOUR + i * HOUR));
    expect(backupsToRemove([...broken, ...newer, good], now)).toEqual([good]);
  });

  it('removes only files the rule lets go, once a new backup has verified', async () => {
    const file = path.join(temp.path, 'dossier.db');
    const db: WritableDB = openDatabase(file);
    try {
      const start = now.getTime() - 60 * DAY;
      // One automatic backup a day for 60 days, made with a clock that moves a day each time.
      for (let day = 0; day < 60; day++) {
        await makeBackup(db, 'automatic', { now: () => new Date(start + day * DAY) });
      }
      await makeBackup(db, 'before-restore', { now: () => new Date(start) });
      const listed = listBackups(file);
      expect(listed.every((e) => e.verified)).toBe(true);
      expect(listed.filter((e) => e.reason === 'before-restore')).toHaveLength(1);
      const automatic = listed.filter((e) => e.reason === 'automatic');
      expect(automatic.length).toBeLessThanOrEqual(
        AUTOMATIC_KEEP.newest + AUTOMATIC_KEEP.daily + AUTOMATIC_KEEP.weekly,
      );
      // The newest seven days' backups are all there.
      expect(automatic.slice(0, 7).map((e) => e.createdAt)).toEqual(
        Array.from({ length: 7 }, (_, i) => new Date(start + (59 - i) * DAY).toISOString()),
      );
      expect(fs.readdirSync(backupFolderOf(file)).filter((n) => n.endsWith('.partial'))).toEqual(
        [],
      );

      // A copy cut short a day ago goes with the next rotation; one under way now stays.
      const abandoned = path.join(
        backupFolderOf(file),
        `${backupFileName('automatic', now)}.partial`,
      );
      const underWay = path.join(backupFolderOf(file), `${backupFileName('manual', now)}.partial`);
      fs.writeFileSync(abandoned, 'half');
      fs.writeFileSync(underWay, 'half');
      const twoDaysAgo = new Date(Date.now() - 2 * DAY);
      fs.utimesSync(abandoned, twoDaysAgo, twoDaysAgo);
      await makeBackup(db, 'manual');
      expect(fs.existsSync(abandoned)).toBe(false);
      expect(fs.existsSync(underWay)).toBe(true);
    } finally {
      db.close();
    }
  });
});
