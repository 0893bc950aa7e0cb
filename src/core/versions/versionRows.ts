/**
 * A version row as the notebook file holds it (its text and blocks_json as
 * strings, docs/notebook-export.md) and as the table stores it (compressed,
 * versionStorage.ts). Export, import and recovery convert through here, so the
 * file format does not change with the storage.
 */
import type { Block } from '../../shared/documentModel';
import type { ReadableDB } from '../db/openDatabase';
import type { TableStorage } from '../export/notebookFormat';
import { storedOriginalBytes } from '../originals/originals';
import { packContent } from './storeVersion';
import { readVersionContent } from './versionQueries';

export const versionRowStorage: TableStorage = {
  fileOnly: ['text', 'blocks_json'],
  tableOnly: ['text_data', 'text_encoding', 'blocks_data', 'text_length'],
  toFile(db, row) {
    const { text, blocks } = readVersionContent(db, row.id as number);
    return { ...row, text, blocks_json: JSON.stringify(blocks) };
  },
  toTable(db, { text, blocks_json, ...row }) {
    const original = row.original_id == null ? null : originalRow(db, row.original_id as number);
    const content = { text: text as string, blocks: JSON.parse(blocks_json as string) as Block[] };
    const packed = packContent(content, original ? bytesOrNull(original) : null);
    return {
      ...row,
      text_data: packed.text.data,
      text_encoding: packed.text.encoding,
      blocks_data: packed.blocks,
      text_length: packed.length,
    };
  },
};

function originalRow(db: ReadableDB, id: number): { compression: string; data: Buffer } | null {
  return (
    (db.prepare('SELECT compression, data FROM originals WHERE id = ?').get(id) as
      | { compression: string; data: Buffer }
      | undefined) ?? null
  );
}

/** A damaged original is reported by the import's check of every original; the text does without it. */
function bytesOrNull(original: { compression: string; data: Buffer }): Buffer | null {
  try {
    return storedOriginalBytes(original);
  } catch {
    return null;
  }
}
