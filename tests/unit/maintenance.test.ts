import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/core/db/migrations';
import { backupNotebook, checkNotebook } from '../../src/core/maintenance';
import { expectDossierError, useTempCore } from './support/tempCore';

describe('backup and check', () => {
  const temp = useTempCore();

  function fillNotebook(): string {
    const imported = temp.core.importText({
      title: 'Harbour report',
      text: 'The ferry left at dawn.',
    });
    const { passageId } = temp.core.markPassage({ sourceId: imported.sourceId!, quote: 'ferry' });
    temp.core.createNote({ title: 'Ferries', passageIds: [passageId] });
    return passageId;
  }

  it('copies a live notebook, including what is still in its WAL, and verifies the copy', async () => {
    const passageId = fillNotebook();
    const destination = path.join(temp.dir, 'backups', 'copy.db');
    const result = await backupNotebook(temp.core.databaseFile, destination);
    expect(result).toMatchObject({ file: destination, schemaVersion: migrations.length });
    expect(result.bytes).toBeGreaterThan(0);

    const copy = new Database(destination, { readonly: true });
    const passage = copy.prepare('SELECT exact FROM passages WHERE id = ?').get(Number(passageId));
    const notes = copy.prepare('SELECT title FROM notes').pluck().all();
    copy.close();
    expect(passage).toEqual({ exact: 'ferry' });
    expect(notes).toEqual(['Ferries']);
  });

  it('never overwrites an existing file', async () => {
    const destination = path.join(temp.dir, 'precious.db');
    fs.writeFileSync(destination, 'do not touch');
    await expect(backupNotebook(temp.core.databaseFile, destination)).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    expect(fs.readFileSync(destination, 'utf8')).toBe('do not touch');
  });

  it('finds no problem in a healthy notebook, and names a passage whose quote no longer matches', () => {
    const passageId = fillNotebook();
    expect(checkNotebook(temp.core.databaseFile)).toEqual({
      ok: true,
      problems: [],
      counts: { sources: 1, passages: 1, notes: 1 },
    });

    const raw = new Database(temp.core.databaseFile);
    raw.prepare("UPDATE passages SET exact = 'ferryman' WHERE id = ?").run(Number(passageId));
    raw.close();
    const report = checkNotebook(temp.core.databaseFile);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      `passage ${passageId} no longer matches the text it was made on`,
    ]);
  });

  it('refuses to open a notebook that is not one', () => {
    const file = path.join(temp.dir, 'not-a-notebook.db');
    fs.writeFileSync(file, 'plain text, not SQLite');
    expectDossierError(() => checkNotebook(file), 'database_damaged');
  });
});
