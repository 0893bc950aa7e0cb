/**
 * importNotebook: a notebook export read back into an empty notebook, with
 * every id as it was (so the links in note bodies still point at their
 * passages). The file is read twice: first to judge all of it (cancellable;
 * nothing is written), then to write it in one transaction, judged again row
 * by row in case the file changed in between, with the search index built for
 * it before the commit. Any failure leaves the notebook empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { ImportedNotebook, OperationContext } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import { plural } from '../../shared/text';
import type { WritableDB } from '../db/openDatabase';
import { quietOperation, stopIfCancelled, yieldToHost } from '../operations';
import { extractNoteContent } from '../notes/noteBody';
import { replaceLinksToNotes } from '../notes/noteLinks';
import { originalProblem } from '../originals/originals';
import { SEARCH_KEY_VERSION } from '../search/searchKey';
import { indexNote, indexPassage, reindexSourceTitle } from '../search/searchIndex';
import { NotebookJsonReader } from './jsonRowReader';
import { notebookTables, tableColumns, type TableSpec } from './notebookFormat';
import { NotebookValidator, type RowValues } from './validateNotebook';

const CHUNK_BYTES = 1 << 20;
/** Rows re-read per query while indexing, so no statement stays open during the inserts. */
const INDEX_BATCH = 500;

export async function importNotebook(
  db: WritableDB,
  file: string,
  { signal, progress }: OperationContext = quietOperation,
): Promise<ImportedNotebook> {
  const source = path.resolve(file);
  const size = fileSize(source);
  requireEmptyNotebook(db);

  // First reading: judge everything; stop here on the first problem or a cancel.
  const judge = new NotebookValidator(source);
  const reader = new NotebookJsonReader(source, judge);
  for (const { chunk, bytesRead } of fileChunks(source)) {
    stopIfCancelled(signal, 'The import was cancelled; nothing was imported.');
    reader.feed(chunk);
    progress(bytesRead, size * 2);
    await yieldToHost();
  }
  reader.end();
  judge.finish();
  stopIfCancelled(signal, 'The import was cancelled; nothing was imported.');

  // Second reading: write it all in one transaction (not cancellable: it is all or nothing).
  return db
    .transaction((): ImportedNotebook => {
      requireEmptyNotebook(db);
      const insert = rowInserter(db);
      const writer = new NotebookValidator(source, insert);
      const rereader = new NotebookJsonReader(source, writer);
      for (const { chunk, bytesRead } of fileChunks(source)) {
        rereader.feed(chunk);
        progress(size + bytesRead, size * 2);
      }
      rereader.end();
      writer.finish();
      checkOriginals(db, source);
      linkNotes(db);
      indexEverything(db);
      return { file: source, rows: writer.rows };
    })
    .immediate();
}

function fileSize(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DossierError('not_found', `No file ${file}.`);
    throw new DossierError('forbidden', `Cannot read ${file} (${code ?? String(error)}).`);
  }
  if (!stat.isFile()) {
    throw new DossierError('unsupported', `${file} is not a file; give a notebook export (.json).`);
  }
  return stat.size;
}

/** Ids are kept as they were, so the notebook must hold none of its own. */
function requireEmptyNotebook(db: WritableDB): void {
  const held = notebookTables
    .map(({ name }) => ({
      name,
      count: db.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number,
    }))
    .filter(({ count }) => count > 0);
  if (held.length > 0) {
    // "1 source, 2 source versions": the table names, in the singular where they count one.
    const what = held
      .map(({ name, count }) => plural(count, name.replace(/_/g, ' ').replace(/s$/, '')))
      .join(', ');
    throw new DossierError(
      'conflict',
      `This notebook is not empty (${what}): a notebook export is imported into a new, empty notebook only (dossier --db NEW.db import-notebook FILE).`,
    );
  }
}

/** The file as text, a chunk at a time (a character split between chunks is kept whole). */
function* fileChunks(file: string): Generator<{ chunk: string; bytesRead: number }> {
  const fd = fs.openSync(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let bytesRead = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      bytesRead += read;
      yield { chunk: decoder.write(buffer.subarray(0, read)), bytesRead };
    }
    const rest = decoder.end();
    if (rest !== '') yield { chunk: rest, bytesRead };
  } finally {
    fs.closeSync(fd);
  }
}

function rowInserter(db: WritableDB): (spec: TableSpec, values: RowValues) => void {
  const statements = new Map(
    notebookTables.map((spec) => {
      const columns = tableColumns(spec);
      const sql = `INSERT INTO ${spec.name} (${columns.join(', ')}) VALUES (${columns.map((name) => `@${name}`).join(', ')})`;
      return [spec.name, db.prepare(sql)];
    }),
  );
  return (spec, values) => {
    const row = Object.fromEntries(spec.columns.map(({ name }, index) => [name, values[index]]));
    statements.get(spec.name)!.run(spec.storage ? spec.storage.toTable(db, row) : row);
  };
}

/** Evidence must be byte for byte what came in: each original against its SHA-256. */
function checkOriginals(db: WritableDB, file: string): void {
  const ids = db.prepare('SELECT id FROM originals').pluck().all() as number[];
  for (const id of ids) {
    const problem = originalProblem(db, id);
    if (problem !== null) {
      throw new DossierError(
        'damaged',
        `${file} is damaged: original file ${id} ${problem}. Nothing was imported.`,
      );
    }
  }
}

/** Links between notes are not in the file: they are read from the bodies, as a save does. */
function linkNotes(db: WritableDB): void {
  forEachBatch<{ id: number; body_json: string }>(
    db,
    'SELECT id, body_json FROM notes WHERE id > ? ORDER BY id LIMIT ?',
    (note) => replaceLinksToNotes(db, note.id, extractNoteContent(note.body_json).noteIds),
  );
}

/**
 * Indexes what was imported the way the notebook's own writes do: every
 * source under its title and each version's text, every passage under its
 * quote and comment, every note outside the trash; then the index is marked
 * as built with this Dossier's search keys.
 */
function indexEverything(db: WritableDB): void {
  const sourceIds = db.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as number[];
  for (const sourceId of sourceIds) reindexSourceTitle(db, sourceId);
  forEachBatch<{ id: number; exact: string; comment: string | null }>(
    db,
    'SELECT id, exact, comment FROM passages WHERE id > ? ORDER BY id LIMIT ?',
    (passage) => indexPassage(db, passage.id, passage.exact, passage.comment),
  );
  forEachBatch<{ id: number; title: string; plain_text: string }>(
    db,
    'SELECT id, title, plain_text FROM notes WHERE deleted_at IS NULL AND id > ? ORDER BY id LIMIT ?',
    (note) => indexNote(db, note.id, note.title, note.plain_text),
  );
  db.prepare('UPDATE search_index_state SET search_key_version = ?').run(SEARCH_KEY_VERSION);
}

function forEachBatch<Row extends { id: number }>(
  db: WritableDB,
  sql: string,
  each: (row: Row) => void,
): void {
  const select = db.prepare(sql);
  for (let afterId = 0; ; ) {
    const rows = select.all(afterId, INDEX_BATCH) as Row[];
    rows.forEach(each);
    const last = rows[rows.length - 1];
    if (!last) return;
    afterId = last.id;
  }
}
