import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/createCore';
import { buildNoteBody } from '../../src/core/notes/noteBody';
import { apiMethodNames, apiMethods, type CoreMethodName } from '../../src/shared/apiMethods';
import {
  expectDossierError,
  expectDossierRejection,
  hasSampleArticle,
  sampleArticleFile,
  toBase64,
  useTempCore,
} from './support/tempCore';

const notebook = useTempCore();

describe('the notebook, end to end', () => {
  it.skipIf(!hasSampleArticle)(
    'imports the sample article, marks a passage, links it from a note (skipped: ../shared absent)',
    async () => {
      const { core } = notebook;
      const contentBase64 = toBase64(fs.readFileSync(sampleArticleFile));
      const imported = await core.importFile({ fileName: 'article.txt', contentBase64 });
      expect(imported.status).toBe('imported');
      const sourceId = imported.sourceId!;
      expect(await core.importFile({ fileName: 'again.txt', contentBase64 })).toEqual({
        status: 'duplicate',
        sourceId,
        title: 'Hamas Leader Thanks Iran For Support During Tehran Visit',
        kind: 'text',
      });

      const marked = core.markPassage({ sourceId, quote: 'Iran is the biggest donor' });
      const source = core.getSource({ sourceId });
      expect(source.text.slice(marked.start, marked.end)).toBe('Iran is the biggest donor');

      const { noteId } = core.createNote({
        title: 'Who pays Hamas',
        text: 'Haniyeh himself named the main funder.',
        passageIds: [marked.passageId],
      });
      expect(core.getSource({ sourceId }).passages).toEqual([
        expect.objectContaining({ id: marked.passageId, noteIds: [noteId], status: 'exact' }),
      ]);

      const revisedBody = buildNoteBody('Named by Haniyeh in 2022.', [
        { passageId: marked.passageId, sourceId, quote: 'Iran is the biggest donor' },
      ]);
      core.saveNote({ noteId, title: 'Who pays Hamas', body: revisedBody });
      expect(core.getNote({ noteId }).text).toBe(
        'Named by Haniyeh in 2022.\nIran is the biggest donor',
      );

      core.deleteNote({ noteId });
      expect(core.getSource({ sourceId }).passages[0]?.noteIds).toEqual([]);
      core.restoreNote({ noteId });
      expect(core.getSource({ sourceId }).passages[0]?.noteIds).toEqual([noteId]);
      expect(core.getNote({ noteId }).body).toBe(revisedBody);
    },
  );

  it('keeps everything when the notebook is closed and opened again', async () => {
    const file = path.join(notebook.dir, 'reopened.db');
    const first = createCore(file);
    const { sourceId } = await first.importText({ text: 'Persisted\n\nbody text' });
    const { passageId } = first.markPassage({ sourceId: sourceId!, quote: 'body' });
    const { noteId } = first.createNote({ title: 'n', passageIds: [passageId] });
    first.close();

    const reopened = createCore(file);
    try {
      expect(reopened.databaseFile).toBe(file);
      expect(reopened.getSource({ sourceId: sourceId! }).passages[0]?.noteIds).toEqual([noteId]);
      expect(reopened.listNotes({})).toHaveLength(1);
    } finally {
      reopened.close();
    }
  });

  it('searches sources, passages and notes', async () => {
    const { sourceId } = await notebook.core.importText({
      text: 'Harbour report\n\nThe harbour froze.',
    });
    notebook.core.markPassage({ sourceId: sourceId!, quote: 'harbour froze' });
    notebook.core.createNote({ title: 'Ice', text: 'Why the harbour froze' });
    const kinds = notebook.core.search({ query: 'harbour' }).map((hit) => hit.kind);
    expect(kinds.sort()).toEqual(['note', 'passage', 'source']);
    const onlyNotes = notebook.core.search({ query: 'harbour type:note', limit: 5 });
    expect(onlyNotes.map((hit) => hit.kind)).toEqual(['note']);
  });

  it('opens a reading connection that answers queries and refuses every mutation', async () => {
    const { sourceId } = await notebook.core.importText({ text: 'Shared\n\nread by both' });
    const reader = createCore(notebook.core.databaseFile, { readonly: true });
    try {
      expect(reader.getSource({ sourceId }).title).toBe('Shared');
      expect(reader.search({ query: 'both' }).map((hit) => hit.kind)).toEqual(['source']);
      const refused = await expectDossierRejection(
        () => reader.importText({ text: 'Not\n\nwritten' }),
        'internal',
      );
      expect(refused.message).toContain('only reads');
      const mutations = apiMethodNames.filter((name) => apiMethods[name].kind === 'mutation');
      expect(mutations).toContain('rebuildSearchIndex');
      for (const name of mutations) {
        const method = reader[name as CoreMethodName] as (args: unknown) => unknown;
        expectDossierError(
          () => method({ sourceId: '1', noteId: '1', passageId: '1' }),
          'internal',
        );
      }
      expect(notebook.core.listSources({})).toHaveLength(1);
    } finally {
      reader.close();
    }
  });

  it('has its reading connection see what the writer adds after it opened', async () => {
    await notebook.core.importText({ text: 'First\n\nbefore the reader opened' });
    const reader = createCore(notebook.core.databaseFile, { readonly: true });
    try {
      const sizeAtOpen = fs.statSync(notebook.core.databaseFile).size;
      // Numbers that compress poorly grow the file well past its size at the reader's opening.
      for (let i = 0; i < 40; i++) {
        const numbers = Array.from(
          { length: 3000 },
          (_, j) => (i * 7919 + j * 104_729) % 1_000_003,
        );
        await notebook.core.importText({ text: `Later ${i}\n\n${numbers.join(' ')}` });
      }
      const checkpointer = new Database(notebook.core.databaseFile);
      checkpointer.pragma('wal_checkpoint(TRUNCATE)');
      checkpointer.close();
      expect(fs.statSync(notebook.core.databaseFile).size).toBeGreaterThan(sizeAtOpen * 4);
      expect(reader.search({ query: 'later 39' }).map((hit) => hit.title)).toContain('Later 39');
      expect(reader.listSources({})).toHaveLength(41);
      expect(reader.search({ query: 'before' }).map((hit) => hit.title)).toEqual(['First']);
    } finally {
      reader.close();
    }
  });

  it('sees its data version move when another connection commits, not for its own writes', async () => {
    const other = createCore(notebook.core.databaseFile);
    try {
      const before = notebook.core.dataVersion();
      await notebook.core.importText({ text: 'Own\n\nwrite' });
      expect(notebook.core.dataVersion()).toBe(before);
      await other.importText({ text: 'Other\n\nwrite' });
      expect(notebook.core.dataVersion()).not.toBe(before);
    } finally {
      other.close();
    }
  });
});
