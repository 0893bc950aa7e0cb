import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/createCore';
import { migrations } from '../../src/core/db/migrations';
import { expectDossierError, expectDossierRejection, useTempCore } from './support/tempCore';

describe('backup and check', () => {
  const temp = useTempCore();

  async function fillNotebook(): Promise<string> {
    const imported = await temp.core.importText({
      title: 'Harbour report',
      text: 'The ferry left at dawn.',
    });
    const { passageId } = temp.core.markPassage({ sourceId: imported.sourceId, quote: 'ferry' });
    temp.core.createNote({ title: 'Ferries', passageIds: [passageId] });
    return passageId;
  }

  it('copies a live notebook, including what is still in its WAL, and verifies the copy', async () => {
    const passageId = await fillNotebook();
    const destination = path.join(temp.dir, 'backups', 'copy.db');
    const result = await temp.core.backupNotebook({ destination });
    expect(result).toMatchObject({ file: destination, schemaVersion: migrations.length });
    expect(result.bytes).toBe(fs.statSync(destination).size);

    const copy = new Database(destination, { readonly: true });
    const passage = copy.prepare('SELECT exact FROM passages WHERE id = ?').get(Number(passageId));
    const notes = copy.prepare('SELECT title FROM notes').pluck().all();
    copy.close();
    expect(passage).toEqual({ exact: 'ferry' });
    expect(notes).toEqual(['Ferries']);
  });

  it('backs up from a reading connection, as the pool routes it, with the writer open', async () => {
    const passageId = await fillNotebook();
    const reader = createCore(temp.core.databaseFile, { readonly: true });
    try {
      const destination = path.join(temp.dir, 'from-reader.db');
      await reader.backupNotebook({ destination });
      const copy = new Database(destination, { readonly: true });
      const exact = copy.prepare('SELECT exact FROM passages WHERE id = ?').pluck();
      expect(exact.get(Number(passageId))).toBe('ferry');
      copy.close();
    } finally {
      reader.close();
    }
  });

  it('never overwrites an existing file', async () => {
    const destination = path.join(temp.dir, 'precious.db');
    fs.writeFileSync(destination, 'do not touch');
    const error = await expectDossierRejection(
      () => temp.core.backupNotebook({ destination }),
      'already_exists',
    );
    expect(error.message).toBe(`${destination} already exists; choose a new file name.`);
    expect(fs.readFileSync(destination, 'utf8')).toBe('do not touch');
  });

  it('finds no problem in a healthy notebook, and names a passage whose quote no longer matches', async () => {
    const passageId = await fillNotebook();
    expect(await temp.core.checkNotebook({})).toEqual({
      ok: true,
      problems: [],
      counts: { sources: 1, passages: 1, notes: 1 },
    });

    const raw = new Database(temp.core.databaseFile);
    raw.prepare("UPDATE passages SET exact = 'ferryman' WHERE id = ?").run(Number(passageId));
    raw.close();
    const report = await temp.core.checkNotebook({});
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      `passage ${passageId} no longer matches the text it was made on`,
    ]);
  });

  it('refuses to open a notebook that is not one, and leaves the file untouched', () => {
    const file = path.join(temp.dir, 'not-a-notebook.db');
    fs.writeFileSync(file, 'plain text, not SQLite');
    const error = expectDossierError(() => createCore(file), 'unsupported');
    expect(error.message).toContain('not a Dossier notebook');
    expect(fs.readFileSync(file, 'utf8')).toBe('plain text, not SQLite');
    expect(fs.readdirSync(temp.dir).filter((name) => name.startsWith('not-a-notebook'))).toEqual([
      'not-a-notebook.db',
    ]);
  });
});
