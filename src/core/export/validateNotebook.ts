/**
 * Judges a notebook export as it is read, before anything is written: the
 * header (format, version), the tables (known, in order, each once), every
 * row (its columns, their types, the values the schema allows, JSON and note
 * bodies that parse, version texts that match their SHA-256), keys that are
 * unique and references to rows the file holds. What it cannot see without
 * the database (an original's bytes against their hash) is checked by the
 * import before it commits.
 */
import { DossierError } from '../../shared/errors';
import { latestSchemaVersion } from '../db/migrations';
import { extractNoteContent } from '../notes/noteBody';
import { contentHash } from '../versions/storeVersion';
import type { NotebookJsonHandler } from './jsonRowReader';
import {
  NOTEBOOK_FORMAT,
  NOTEBOOK_FORMAT_VERSION,
  notebookTables,
  type ColumnSpec,
  type TableSpec,
} from './notebookFormat';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A row as the database takes it: the values in the spec's column order, BLOBs as bytes. */
export type RowValues = Array<string | number | Buffer | null>;

export class NotebookValidator implements NotebookJsonHandler {
  private readonly fields = new Map<string, unknown>();
  private tableIndex = -1;
  private tableOpen = false;
  /** Keys of the rows read so far, per table. */
  private readonly keys = new Map<string, Set<string | number>>();
  /** Sources' current versions: checked once every version has been read. */
  private readonly currentVersions: Array<[sourceId: number, versionId: number]> = [];
  private readonly versionSources = new Map<number, number>();
  readonly rows: Record<string, number> = {};

  constructor(
    private readonly file: string,
    /** Called with each valid row, in the file's order. */
    private readonly onRow: (spec: TableSpec, values: RowValues) => void = () => undefined,
  ) {}

  header(key: string, value: unknown): void {
    if (this.tableIndex >= 0) {
      throw this.unsupported(`its field "${key}" comes after the tables`);
    }
    this.fields.set(key, value);
  }

  tableStart(name: string): void {
    if (this.tableIndex === -1) this.checkHeader();
    const index = notebookTables.findIndex((spec) => spec.name === name);
    if (index === -1) throw this.unsupported(`it has a table "${name}" this Dossier does not know`);
    if (index !== this.tableIndex + 1) {
      const expected = notebookTables[this.tableIndex + 1]?.name ?? 'none';
      throw this.damaged(`the table "${name}" is where "${expected}" should be`);
    }
    this.tableIndex = index;
    this.tableOpen = true;
    this.keys.set(name, new Set());
    this.rows[name] = 0;
  }

  tableEnd(): void {
    this.tableOpen = false;
  }

  row(table: string, row: unknown): void {
    const spec = notebookTables[this.tableIndex]!;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw this.damaged(`a row of ${table} is not an object`);
    }
    const record = row as Record<string, unknown>;
    const where = `${table} row ${this.rows[table]! + 1}`;
    const unknown = Object.keys(record).filter((key) => !spec.columns.some((c) => c.name === key));
    if (unknown.length > 0)
      throw this.unsupported(
        `${where} has columns this Dossier does not know (${unknown.join(', ')})`,
      );
    const values = spec.columns.map((column) => this.value(column, record[column.name], where));
    this.checkRow(spec, record, where);
    this.rows[table]! += 1;
    this.onRow(spec, values);
  }

  /** After the last row: every table was there, and the references forward hold. */
  finish(): void {
    if (this.tableIndex === -1) this.checkHeader();
    const missing = notebookTables.slice(this.tableIndex + 1).map((spec) => spec.name);
    if (missing.length > 0 || this.tableOpen) {
      throw this.damaged(`it has no table ${missing.join(', ')}: the file is incomplete`);
    }
    for (const [sourceId, versionId] of this.currentVersions) {
      if (this.versionSources.get(versionId) !== sourceId) {
        throw this.damaged(
          `source ${sourceId}'s current version ${versionId} is not one of its versions`,
        );
      }
    }
  }

  private checkHeader(): void {
    const format = this.fields.get('format');
    if (format !== NOTEBOOK_FORMAT) {
      throw this.unsupported(`it does not say "format": "${NOTEBOOK_FORMAT}" before its tables`);
    }
    const version = this.fields.get('formatVersion');
    if (version !== NOTEBOOK_FORMAT_VERSION) {
      throw new DossierError(
        'unsupported',
        `${this.file} is in notebook format version ${JSON.stringify(version)}; this Dossier reads version ${NOTEBOOK_FORMAT_VERSION}. Nothing was imported.`,
      );
    }
    const schema = this.fields.get('schemaVersion');
    if (typeof schema !== 'number' || !Number.isSafeInteger(schema) || schema < 1) {
      throw this.unsupported('its "schemaVersion" is not a schema version');
    }
    if (schema > latestSchemaVersion) {
      throw new DossierError(
        'unsupported',
        `${this.file} was written by a newer Dossier (notebook schema ${schema}; this one has ${latestSchemaVersion}). Update Dossier to import it. Nothing was imported.`,
      );
    }
  }

  private value(
    column: ColumnSpec,
    value: unknown,
    where: string,
  ): string | number | Buffer | null {
    const fail = (what: string) => this.damaged(`${where}: ${column.name} ${what}`);
    if (value === null || value === undefined) {
      if (!column.nullable) throw fail('is missing');
      return null;
    }
    switch (column.type) {
      case 'integer':
        if (typeof value !== 'number' || !Number.isSafeInteger(value))
          throw fail('is not a whole number');
        break;
      case 'real':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('is not a number');
        break;
      case 'text':
      case 'blob':
        if (typeof value !== 'string') throw fail('is not a string');
        break;
    }
    if (column.oneOf && !column.oneOf.includes(value as string)) {
      throw fail(`is ${JSON.stringify(value)}, not one of ${column.oneOf.join(', ')}`);
    }
    if (column.references) {
      const target = column.references;
      // A table after this one (a source's current version) is checked at the end.
      if (this.keys.has(target) && !this.keys.get(target)!.has(value as number)) {
        throw fail(`points at ${target} ${String(value)}, which the file does not hold`);
      }
    }
    if (column.check === 'json' && !parses(value as string)) throw fail('is not valid JSON');
    if (column.check === 'noteBody') {
      try {
        extractNoteContent(value as string);
      } catch (error) {
        throw fail(`is not a note body (${(error as Error).message})`);
      }
    }
    if (column.type === 'blob') {
      if (!BASE64.test(value as string) || (value as string).length % 4 !== 0)
        throw fail('is not base64');
      return Buffer.from(value as string, 'base64');
    }
    return value as string | number;
  }

  /** What concerns the row as a whole: its key, and what ties it to other rows. */
  private checkRow(spec: TableSpec, record: Record<string, unknown>, where: string): void {
    const keys = this.keys.get(spec.name)!;
    const key =
      spec.key.length === 1
        ? (record[spec.key[0]!] as string | number)
        : JSON.stringify(spec.key.map((name) => record[name]));
    if (keys.has(key))
      throw this.damaged(`${where} repeats the key of an earlier row (${String(key)})`);
    keys.add(key);
    if (spec.name === 'sources' && record.current_version_id != null) {
      this.currentVersions.push([record.id as number, record.current_version_id as number]);
    }
    if (spec.name === 'source_versions') {
      this.versionSources.set(record.id as number, record.source_id as number);
      if (contentHash(record.text as string) !== record.content_sha256) {
        throw this.damaged(
          `${where}: the text of version ${String(record.id)} does not match its SHA-256`,
        );
      }
    }
    if (
      spec.name === 'passages' &&
      this.versionSources.get(record.version_id as number) !== record.source_id
    ) {
      throw this.damaged(
        `${where}: passage ${String(record.id)} was marked on a version of another source`,
      );
    }
  }

  private unsupported(what: string): DossierError {
    return new DossierError(
      'unsupported',
      `${this.file} is not a Dossier notebook export this Dossier can read: ${what}. Nothing was imported.`,
    );
  }

  private damaged(what: string): DossierError {
    return new DossierError('damaged', `${this.file} is damaged: ${what}. Nothing was imported.`);
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
