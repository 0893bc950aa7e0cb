/**
 * exportNotebook: the whole notebook as one JSON file (docs/notebook-export.md),
 * written row by row as it is read, one row per line, so a notebook of any
 * size never has to fit in memory. Read from one consistent state; a new
 * file only, removed again if the export fails or is cancelled.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportedNotebook, OperationContext } from '../../shared/api';
import type { ReadableDB } from '../db/openDatabase';
import { timestamp } from '../db/timestamp';
import { quietOperation, stopIfCancelled, yieldToHost } from '../operations';
import {
  NOTEBOOK_FORMAT,
  NOTEBOOK_FORMAT_VERSION,
  notebookTables,
  sharedColumns,
  type NotebookHeader,
  type TableSpec,
} from './notebookFormat';
import { cannotWrite, openNewFile } from './newFile';
import { inReadSnapshot } from './readSnapshot';

const CANCELLED = 'The export was cancelled; no file was kept.';

/** Written out once this much is waiting: few system calls, little memory. */
const FLUSH_BYTES = 1 << 20;

export async function exportNotebook(
  db: ReadableDB,
  destination: string,
  { signal, progress }: OperationContext = quietOperation,
): Promise<ExportedNotebook> {
  const target = path.resolve(destination);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
  } catch (error) {
    throw cannotWrite(target, error);
  }
  const { file, fd } = openNewFile(target);
  const out = bufferedWriter(fd, file);
  try {
    const result = await inReadSnapshot(db, async () => {
      const schemaVersion = db.pragma('user_version', { simple: true }) as number;
      const header: NotebookHeader = {
        format: NOTEBOOK_FORMAT,
        formatVersion: NOTEBOOK_FORMAT_VERSION,
        schemaVersion,
        exportedAt: timestamp(),
      };
      const rows = Object.fromEntries(
        notebookTables.map(({ name }) => [
          name,
          db.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number,
        ]),
      );
      const total = Object.values(rows).reduce((sum, count) => sum + count, 0);
      let done = 0;
      out.write(`${JSON.stringify(header).slice(0, -1)},\n"tables":{`);
      for (const [index, spec] of notebookTables.entries()) {
        out.write(`${index === 0 ? '' : ','}\n${JSON.stringify(spec.name)}:[`);
        let first = true;
        for (const batch of batches(db, spec)) {
          for (const row of batch) {
            out.write(`${first ? '' : ','}\n${JSON.stringify(row)}`);
            first = false;
          }
          done += batch.length;
          progress(done, total);
          stopIfCancelled(signal, CANCELLED);
          await yieldToHost();
          stopIfCancelled(signal, CANCELLED);
        }
        out.write(first ? ']' : '\n]');
      }
      out.write('\n}}\n');
      out.flush();
      fs.fsyncSync(fd);
      return { file, bytes: fs.fstatSync(fd).size, schemaVersion, rows };
    });
    fs.closeSync(fd);
    return result;
  } catch (error) {
    fs.closeSync(fd);
    // Half a notebook is no export: it goes, and the name is free again.
    fs.rmSync(file, { force: true });
    throw error;
  }
}

/**
 * A table's rows in key order, `spec.batchSize` at a time (the connection is
 * free between batches), as the file holds them: a column object per row, a
 * BLOB as base64.
 */
function* batches(db: ReadableDB, spec: TableSpec): Generator<Array<Record<string, unknown>>> {
  const columns = sharedColumns(spec).join(', ');
  const key = spec.key.join(', ');
  const first = db.prepare(`SELECT ${columns} FROM ${spec.name} ORDER BY ${key} LIMIT ?`);
  const next = db.prepare(
    `SELECT ${columns} FROM ${spec.name} WHERE (${key}) > (${spec.key.map(() => '?').join(', ')})
     ORDER BY ${key} LIMIT ?`,
  );
  let after: unknown[] | null = null;
  for (;;) {
    const rows = (
      after === null ? first.all(spec.batchSize) : next.all(...after, spec.batchSize)
    ) as Array<Record<string, unknown>>;
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    after = spec.key.map((name) => last[name]);
    const { storage } = spec;
    yield rows.map((row) => toFileRow(spec, storage ? storage.toFile(db, row) : row));
  }
}

function toFileRow(spec: TableSpec, row: Record<string, unknown>): Record<string, unknown> {
  const fileRow: Record<string, unknown> = {};
  for (const { name, type } of spec.columns) {
    const value = row[name];
    fileRow[name] = type === 'blob' && Buffer.isBuffer(value) ? value.toString('base64') : value;
  }
  return fileRow;
}

function bufferedWriter(fd: number, file: string): { write(text: string): void; flush(): void } {
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    const bytes = Buffer.from(pending.join(''));
    try {
      for (let offset = 0; offset < bytes.length; ) {
        offset += fs.writeSync(fd, bytes, offset);
      }
    } catch (error) {
      throw cannotWrite(file, error);
    }
    pending = [];
    size = 0;
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= FLUSH_BYTES) flush();
    },
    flush,
  };
}
