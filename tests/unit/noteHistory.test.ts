import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { WritableDB } from '../../src/core/db/openDatabase';
import { buildNoteBody } from '../../src/core/notes/noteBody';
import { pruneRevisions, REVISION_INTERVAL_MS } from '../../src/core/notes/noteHistory';
import { expectDossierError, useTempCore } from './support/tempCore';

const notebook = useTempCore();

/** A second connection to the notebook, for what a test must arrange by hand (old dates). */
function withNotebook<T>(work: (db: Database.Database) => T): T {
  const db = new Database(notebook.core.databaseFile);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function save(noteId: string, text: string) {
  return notebook.core.saveNote({ noteId, title: 'History', body: buildNoteBody(text, []) });
}

/** Moves every revision of the note `ms` further into the past. */
function ageRevisions(noteId: string, ms: number): void {
  withNotebook((db) => {
    const rows = db
      .prepare('SELECT id, saved_at FROM note_revisions WHERE note_id = ?')
      .all(Number(noteId)) as Array<{ id: number; saved_at: string }>;
    for (const row of rows) {
      const older = new Date(Date.parse(row.saved_at) - ms).toISOString();
      db.prepare('UPDATE note_revisions SET saved_at = ? WHERE id = ?').run(older, row.id);
    }
  });
}

describe('note history', () => {
  it('keeps one revision per editing interval, not one per autosave', () => {
    const { noteId } = notebook.core.createNote({ title: 'History', text: 'first draft' });
    for (let n = 1; n <= 10; n++) save(noteId, `draft ${n}`);
    // The state before the first save is kept; nine autosaves within the interval are not.
    expect(notebook.core.listNoteRevisions({ noteId }).map((r) => r.charCount)).toEqual([11]);

    ageRevisions(noteId, REVISION_INTERVAL_MS);
    save(noteId, 'draft 11');
    const revisions = notebook.core.listNoteRevisions({ noteId });
    expect(revisions).toHaveLength(2);
    expect(notebook.core.getNoteRevision({ revisionId: revisions[0]!.id })).toMatchObject({
      noteId,
      title: 'History',
      text: 'draft 10',
    });
  });

  it('keeps the note as it is when the analyst leaves it (a checkpoint), once', () => {
    const { noteId } = notebook.core.createNote({ title: 'History', text: 'only' });
    notebook.core.checkpointNote({ noteId });
    notebook.core.checkpointNote({ noteId });
    const [revision] = notebook.core.listNoteRevisions({ noteId });
    expect(notebook.core.listNoteRevisions({ noteId })).toHaveLength(1);
    expect(notebook.core.getNoteRevision({ revisionId: revision!.id }).text).toBe('only');
    // The next save does not keep that state a second time.
    save(noteId, 'changed');
    expect(notebook.core.listNoteRevisions({ noteId })).toHaveLength(1);
  });

  it('thins out old revisions: all of the last day, one per hour for a week, one per day, one per week', () => {
    const { noteId } = notebook.core.createNote({ title: 'History', text: 'x' });
    const now = Date.parse('2026-06-01T12:00:00.000Z');
    const hour = 3_600_000;
    // Every 10 minutes for 200 days back.
    const ages = Array.from({ length: (200 * 24 * 60) / 10 }, (_, n) => n * 10 * 60_000);
    withNotebook((db) => {
      const insert = db.prepare(
        "INSERT INTO note_revisions (note_id, title, body_json, saved_at) VALUES (?, 'History', ?, ?)",
      );
      const body = buildNoteBody('old', []);
      db.transaction(() => {
        for (const age of ages) insert.run(Number(noteId), body, new Date(now - age).toISOString());
      })();
      pruneRevisions(db as unknown as WritableDB, Number(noteId), now);
    });
    const kept = notebook.core
      .listNoteRevisions({ noteId })
      .map((revision) => now - Date.parse(revision.savedAt));
    const within = (from: number, to: number) => kept.filter((age) => age >= from && age < to);
    expect(within(0, 24 * hour)).toHaveLength(6 * 24);
    expect(within(24 * hour, 7 * 24 * hour).length).toBeLessThanOrEqual(6 * 24 + 1);
    expect(within(24 * hour, 7 * 24 * hour).length).toBeGreaterThanOrEqual(6 * 24 - 1);
    expect(within(7 * 24 * hour, 90 * 24 * hour).length).toBeLessThanOrEqual(84);
    expect(within(90 * 24 * hour, 200 * 24 * hour).length).toBeLessThanOrEqual(17);
    expect(kept.length).toBeLessThan(ages.length / 50);
  });

  it('refuses unknown notes and revisions', () => {
    expectDossierError(() => notebook.core.listNoteRevisions({ noteId: '99' }), 'not_found');
    expectDossierError(() => notebook.core.getNoteRevision({ revisionId: '99' }), 'not_found');
    expectDossierError(() => notebook.core.checkpointNote({ noteId: '99' }), 'not_found');
  });
});
