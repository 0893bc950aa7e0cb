/**
 * The tables a notebook export holds (docs/notebook-export.md), in the order
 * they are written and read back: a row only refers to rows of tables before
 * its own, except a source's current version (checked once every version is
 * read). Derived data is left out: the search index is rebuilt on import, and
 * links between notes are read again from the note bodies.
 */

import type { ReadableDB } from '../db/openDatabase';
import { versionRowStorage } from '../versions/versionRows';

export const NOTEBOOK_FORMAT = 'dossier-notebook';
export const NOTEBOOK_FORMAT_VERSION = 1;

export type ColumnType = 'integer' | 'real' | 'text' | 'blob';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** The table whose `id` this column holds. */
  references?: string;
  /** The values the schema's CHECK allows. */
  oneOf?: readonly string[];
  /** What makes the value valid besides its type (its problem, or null). */
  check?: 'json' | 'noteBody';
}

export interface TableSpec {
  name: string;
  /** How a table that stores some columns otherwise than the file holds them converts. */
  storage?: TableStorage;
  /** The primary key: rows are written in its order, and no two rows share it. */
  key: readonly string[];
  columns: readonly ColumnSpec[];
  /** Rows read per query when exporting: few for tables of long texts and files. */
  batchSize: number;
}

/**
 * A table whose stored columns differ from the file's (source_versions keeps its
 * text compressed): which columns each side alone has, and the conversions.
 */
export interface TableStorage {
  /** The file's columns the table does not have. */
  fileOnly: readonly string[];
  /** The table's columns the file does not have. */
  tableOnly: readonly string[];
  /** A row of the shared columns (see `sharedColumns`) with the file's own added. */
  toFile(db: ReadableDB, row: Record<string, unknown>): Record<string, unknown>;
  /** A row of the file's columns as the table stores it (the rows it refers to already in `db`). */
  toTable(db: ReadableDB, row: Record<string, unknown>): Record<string, unknown>;
}

/** The columns the file and `spec`'s table both have, the same in both. */
export function sharedColumns(spec: TableSpec): string[] {
  const fileOnly = spec.storage?.fileOnly ?? [];
  return spec.columns.map(({ name }) => name).filter((name) => !fileOnly.includes(name));
}

/** The columns `spec`'s table itself has. */
export function tableColumns(spec: TableSpec): string[] {
  return [...sharedColumns(spec), ...(spec.storage?.tableOnly ?? [])];
}

type ColumnOptions = Partial<Omit<ColumnSpec, 'name' | 'type'>>;
const column =
  (type: ColumnType) =>
  (name: string, options: ColumnOptions = {}): ColumnSpec => ({
    name,
    type,
    nullable: false,
    ...options,
  });
const integer = column('integer');
const real = column('real');
const text = column('text');
const blob = column('blob');
const nullable = { nullable: true } as const;
const id = (name = 'id') => integer(name);
const ref = (name: string, table: string, options: ColumnOptions = {}) =>
  integer(name, { references: table, ...options });

const table = (
  name: string,
  columns: ColumnSpec[],
  {
    key = ['id'],
    batchSize = 500,
    storage,
  }: { key?: string[]; batchSize?: number; storage?: TableStorage } = {},
): TableSpec => ({ name, key, columns, batchSize, ...(storage ? { storage } : {}) });

export const notebookTables: readonly TableSpec[] = [
  table(
    'originals',
    [
      id(),
      text('sha256'),
      integer('byte_count'),
      text('media_type'),
      text('compression', { oneOf: ['none', 'deflate'] }),
      blob('data'),
    ],
    { batchSize: 1 },
  ),
  table('sources', [
    id(),
    text('title'),
    text('kind'),
    text('byline', nullable),
    text('site', nullable),
    text('url', nullable),
    text('published_at', nullable),
    text('captured_at'),
    text('lang', nullable),
    text('dir', nullable),
    text('original_file_name', nullable),
    ref('current_version_id', 'source_versions', nullable),
    text('excerpt', nullable),
    text('deleted_at', nullable),
  ]),
  table(
    'source_versions',
    [
      id(),
      ref('source_id', 'sources'),
      integer('version_number'),
      text('text'),
      text('blocks_json', { check: 'json' }),
      text('content_sha256'),
      text('extractor'),
      text('created_at'),
      text('origin'),
      text('file_name', nullable),
      text('revision_report_json', { nullable: true, check: 'json' }),
      ref('original_id', 'originals', nullable),
      text('url', nullable),
    ],
    { batchSize: 1, storage: versionRowStorage },
  ),
  table('passages', [
    id(),
    ref('source_id', 'sources'),
    ref('version_id', 'source_versions'),
    text('exact'),
    text('prefix'),
    text('suffix'),
    integer('start_utf16'),
    integer('end_utf16'),
    ref('anchor_version_id', 'source_versions', nullable),
    integer('anchor_start_utf16', nullable),
    integer('anchor_end_utf16', nullable),
    text('status', { oneOf: ['exact', 'moved', 'fuzzy', 'orphaned'] }),
    text('color'),
    text('label', nullable),
    text('created_at'),
    real('anchor_score'),
    integer('suggestion_start_utf16', nullable),
    integer('suggestion_end_utf16', nullable),
    real('suggestion_score', nullable),
    text('confirmed_at', nullable),
    text('original_exact', nullable),
    text('comment', nullable),
  ]),
  table(
    'notes',
    [
      id(),
      text('title'),
      text('body_json', { check: 'noteBody' }),
      text('plain_text'),
      text('created_at'),
      text('updated_at'),
      text('deleted_at', nullable),
    ],
    { batchSize: 50 },
  ),
  table('note_links', [ref('note_id', 'notes'), ref('passage_id', 'passages')], {
    key: ['note_id', 'passage_id'],
  }),
  table(
    'note_revisions',
    [
      id(),
      ref('note_id', 'notes'),
      text('title'),
      text('body_json', { check: 'noteBody' }),
      text('saved_at'),
    ],
    { batchSize: 50 },
  ),
  table('tags', [id(), text('name')]),
  table('source_tags', [ref('source_id', 'sources'), ref('tag_id', 'tags')], {
    key: ['source_id', 'tag_id'],
  }),
  table('note_tags', [ref('note_id', 'notes'), ref('tag_id', 'tags')], {
    key: ['note_id', 'tag_id'],
  }),
  table('highlight_colors', [text('color'), text('label')], { key: ['color'] }),
  table('collections', [id(), text('name'), text('created_at')]),
  table('collection_sources', [ref('collection_id', 'collections'), ref('source_id', 'sources')], {
    key: ['collection_id', 'source_id'],
  }),
  table('collection_notes', [ref('collection_id', 'collections'), ref('note_id', 'notes')], {
    key: ['collection_id', 'note_id'],
  }),
];

/** What the file says about itself before its tables. */
export interface NotebookHeader {
  format: typeof NOTEBOOK_FORMAT;
  formatVersion: number;
  /** The schema version (PRAGMA user_version) of the notebook it was written from. */
  schemaVersion: number;
  exportedAt: string;
}
