import type {
  FileImportOutcome,
  ImportedSource,
  OperationContext,
  ValidArgs,
} from '../../shared/api';
import { DossierError, isDossierError, toErrorInfo } from '../../shared/errors';
import type { WritableDB } from '../db/openDatabase';
import { timestamp } from '../db/timestamp';
import { yieldToHost } from '../operations';
import { indexSource } from '../search/searchIndex';
import { MAX_IMPORT_BYTES, tooLargeToImport } from '../../shared/importLimits';
import { truncate } from '../../shared/text';
import { decodeTextFile } from '../text/decode';
import { addRevision } from '../versions/addRevision';
import { contentHash, insertVersion, type VersionSource } from '../versions/storeVersion';
import { parsePlainText, type ParsedText } from './parsePlainText';

/** Longer first lines (a pasted paragraph without a heading) are shortened for the library list. */
const MAX_TITLE_LENGTH = 200;

/**
 * Imports a file's bytes; bad input is refused with its reason, and nothing is
 * written. With `revisionOf`, the text becomes that source's next version.
 */
export function importFile(db: WritableDB, args: ValidArgs<'importFile'>): ImportedSource {
  const text = decodeTextFile(decodeBase64(args.contentBase64, args.fileName), args.fileName);
  return save(db, text, { origin: 'file', fileName: args.fileName }, args.revisionOf);
}

/** Imports pasted text; a given title becomes the first block, as a file's first line would. */
export function importText(db: WritableDB, args: ValidArgs<'importText'>): ImportedSource {
  const bytes = Buffer.byteLength(args.text);
  if (bytes > MAX_IMPORT_BYTES) throw tooLargeToImport('The text', bytes);
  const text = args.title ? `${args.title}\n\n${args.text}` : args.text;
  return save(db, text, { origin: 'paste', fileName: null }, args.revisionOf);
}

function save(
  db: WritableDB,
  raw: string,
  source: VersionSource,
  revisionOf: string | undefined,
): ImportedSource {
  const parsed = parsePlainText(raw);
  if (parsed.text.trim() === '') {
    throw new DossierError('unsupported', 'The text is empty; there is nothing to import.');
  }
  return revisionOf === undefined
    ? saveAsNewSource(db, parsed, source)
    : addRevision(db, Number(revisionOf), parsed, source);
}

/**
 * Imports files one by one, each in its own transaction, so a bad file or a
 * cancel keeps what was already imported. Files left when cancelled are
 * reported as such.
 */
export async function importFiles(
  db: WritableDB,
  { files }: ValidArgs<'importFiles'>,
  { signal, progress }: OperationContext,
): Promise<FileImportOutcome[]> {
  const outcomes: FileImportOutcome[] = [];
  for (const file of files) {
    const { fileName } = file;
    if (signal.aborted) {
      const message = `${fileName} was not imported: the import was cancelled.`;
      outcomes.push({ status: 'error', fileName, error: { code: 'cancelled', message } });
      continue;
    }
    try {
      outcomes.push({ fileName, ...importFile(db, file) });
    } catch (error) {
      if (!isDossierError(error)) throw error;
      outcomes.push({ status: 'error', fileName, error: toErrorInfo(error) });
    }
    progress(outcomes.length, files.length);
    await yieldToHost();
  }
  return outcomes;
}

/**
 * Stores the text as a new source with version 1, unless some version already
 * holds exactly this text. One transaction: the source, its version and its
 * search index entry appear together or not at all.
 */
function saveAsNewSource(
  db: WritableDB,
  parsed: ParsedText,
  source: VersionSource,
): ImportedSource {
  const sha256 = contentHash(parsed.text);
  const title = shortTitle(parsed.title);

  return db
    .transaction((): ImportedSource => {
      const existing = db
        .prepare(
          `SELECT s.id, s.title FROM source_versions v JOIN sources s ON s.id = v.source_id
           WHERE v.content_sha256 = ? LIMIT 1`,
        )
        .get(sha256) as { id: number; title: string } | undefined;
      if (existing) {
        return { status: 'duplicate', sourceId: String(existing.id), title: existing.title };
      }

      const now = timestamp();
      const sourceId = Number(
        db
          .prepare(
            `INSERT INTO sources (title, kind, captured_at, original_file_name) VALUES (?, 'text', ?, ?)`,
          )
          .run(title, now, source.fileName).lastInsertRowid,
      );
      const versionId = insertVersion(db, sourceId, 1, parsed, source, now);
      db.prepare('UPDATE sources SET current_version_id = ? WHERE id = ?').run(versionId, sourceId);
      indexSource(db, sourceId, title, parsed.text);
      return { status: 'imported', sourceId: String(sourceId), title };
    })
    .immediate();
}

function decodeBase64(contentBase64: string, fileName: string): Buffer {
  const compact = contentBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw new DossierError('invalid_argument', `The content of ${fileName} is not valid base64.`);
  }
  return Buffer.from(compact, 'base64');
}

/** Cuts a long title at a word break, never inside a character. */
function shortTitle(title: string): string {
  return truncate(title, MAX_TITLE_LENGTH, { atWordBreak: true });
}
