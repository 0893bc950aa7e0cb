/** `dossier import`: files, folders and web addresses, one result per item. */
import { detectFormat } from '../core/extract/detectFormat';
import type { ImportedSource } from '../shared/api';
import type { SourceKind } from '../shared/documentModel';
import { isDossierError } from '../shared/errors';
import { ID_PATTERN } from '../shared/ids';
import { plural } from '../shared/text';
import { lastOption, usage } from './argv';
import { callCore } from './callCore';
import { callLong } from './maintenanceCommands';
import { print, type Command, type CommandContext } from './command';
import { findImportFiles, type ImportCandidate } from './findImportFiles';
import { readImportFile } from './readImportFile';
import { formatReport } from './versionCommands';

/** What `import --json` prints for each file or address. */
type ImportResult =
  | (ImportedSource & { file: string })
  | { file: string; status: 'error'; error: string; errorCode: string; kind: SourceKind | null }
  | { file: string; status: 'skipped'; error: string; kind: null };

type ImportItem = ImportCandidate | { url: string };

export const importCommand: Command = {
  spec: { valued: ['revision-of', 'url'], flags: ['recursive'] },
  async run(context, paths, parsed) {
    const urls = parsed.options.get('url') ?? [];
    if (paths.length === 0 && urls.length === 0) {
      throw usage('import needs at least one FILE, FOLDER or --url URL');
    }
    // Several files with --revision-of become that source's next versions, in order.
    const revisionOf = lastOption(parsed, 'revision-of');
    if (revisionOf !== undefined && !ID_PATTERN.test(revisionOf)) {
      throw usage(`--revision-of takes a SOURCE_ID (a number), got "${revisionOf}"`);
    }
    const items: ImportItem[] = [
      ...findImportFiles(paths, parsed.flags.has('recursive')),
      ...urls.map((url) => ({ url })),
    ];
    const results: ImportResult[] = [];
    // New sources from files go the bulk way, many to a transaction; new versions and
    // addresses one by one (each is compared with what it revises, or fetched).
    const files = items.filter((item): item is ImportCandidate => !('url' in item));
    if (revisionOf === undefined) results.push(...(await importInBatches(context, files)));
    const oneByOne = revisionOf === undefined ? items.filter((item) => 'url' in item) : items;
    for (const [index, item] of oneByOne.entries()) {
      const name = 'url' in item ? item.url : item.file;
      const count = oneByOne.length;
      context.status(count > 1 ? `Importing ${index + 1} of ${count}: ${name}` : '');
      results.push(await importItem(context, item, revisionOf));
    }
    context.status('');
    for (const result of results) {
      // The message names the file already.
      if (result.status === 'error') context.err(`dossier: ${result.error}`);
    }
    print(context, results, () => results.flatMap(formatImported).join('\n'));
    if (!context.json && results.length > 1) context.err(summary(results));
    return results.some((result) => result.status === 'error') ? 1 : 0;
  },
};

/** Files sent to the core per call: enough for the bulk path to pay off, little enough to hold in memory. */
const BATCH_FILES = 2000;
const BATCH_BYTES = 64 * 1024 * 1024;

/** Every file's outcome, in order; a file that cannot be read is reported and the others go on. */
async function importInBatches(
  context: CommandContext,
  candidates: readonly ImportCandidate[],
): Promise<ImportResult[]> {
  const results: ImportResult[] = new Array(candidates.length);
  let batch: Array<{ index: number; fileName: string; contentBase64: string }> = [];
  let batchBytes = 0;
  const send = async () => {
    if (batch.length === 0) return;
    const label = `Importing ${plural(candidates.length, 'file')}`;
    const outcomes = await callLong(context, label, 'importFiles', {
      files: batch.map(({ fileName, contentBase64 }) => ({ fileName, contentBase64 })),
    });
    outcomes.forEach((outcome, position) => {
      const { index } = batch[position]!;
      results[index] =
        outcome.status === 'error'
          ? {
              file: outcome.fileName,
              status: 'error',
              error: outcome.error.message,
              errorCode: outcome.error.code,
              kind: outcome.kind ?? null,
            }
          : imported(outcome);
    });
    batch = [];
    batchBytes = 0;
  };

  for (const [index, candidate] of candidates.entries()) {
    const unreadable = refusedCandidate(candidate);
    if (unreadable) {
      results[index] = unreadable;
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readImportFile(candidate.file);
    } catch (error) {
      if (!isDossierError(error)) throw error;
      const kind = null;
      results[index] = {
        file: candidate.file,
        status: 'error',
        error: error.message,
        errorCode: error.code,
        kind,
      };
      continue;
    }
    if (batch.length > 0 && batchBytes + bytes.length > BATCH_BYTES) await send();
    batch.push({ index, fileName: candidate.file, contentBase64: bytes.toString('base64') });
    batchBytes += bytes.length;
    if (batch.length >= BATCH_FILES) await send();
  }
  await send();
  return results;
}

/** An imported file's outcome as the command reports it (`file` for its name). */
function imported({ fileName, ...source }: ImportedSource & { fileName: string }): ImportResult {
  return { ...(source as ImportedSource), file: fileName };
}

/** A file the search for import files already turned down (skipped, or not there), as its result. */
function refusedCandidate(item: ImportCandidate): ImportResult | null {
  if (item.skipped !== undefined) {
    return { file: item.file, status: 'skipped', error: item.skipped, kind: null };
  }
  if (item.refused !== undefined) {
    return {
      file: item.file,
      status: 'error',
      error: item.refused,
      errorCode: 'not_found',
      kind: null,
    };
  }
  return null;
}

/** One item's outcome; a bad one is reported and the next one still imported. */
async function importItem(
  context: CommandContext,
  item: ImportItem,
  revisionOf: string | undefined,
): Promise<ImportResult> {
  const refused = 'url' in item ? null : refusedCandidate(item);
  if (refused) return refused;
  const file = 'url' in item ? item.url : item.file;
  let kind: SourceKind | null = null;
  try {
    if ('url' in item) {
      return { file, ...(await callCore(context.core(), 'importUrl', { url: file, revisionOf })) };
    }
    const bytes = readImportFile(file);
    kind = detectFormat(bytes, file).kind;
    const contentBase64 = bytes.toString('base64');
    const imported = await callCore(context.core(), 'importFile', {
      fileName: file,
      contentBase64,
      revisionOf,
    });
    return { file, ...imported };
  } catch (error) {
    if (!isDossierError(error)) throw error;
    return { file, status: 'error', error: error.message, errorCode: error.code, kind };
  }
}

function formatImported(result: ImportResult): string[] {
  if (result.status === 'error' || result.status === 'skipped') return [];
  const line = `${result.status.padEnd(9)} #${result.sourceId}  ${result.title}  (${result.file})`;
  return result.status === 'revised' ? [line, ...formatReport(result.report)] : [line];
}

/** "3 imported, 1 duplicate, 2 skipped, 1 failed" (only the counts that are not zero). */
function summary(results: readonly ImportResult[]): string {
  const count = (status: ImportResult['status']) =>
    results.filter((result) => result.status === status).length;
  const parts = [
    `${count('imported')} imported`,
    count('revised') > 0 ? plural(count('revised'), 'new version') : '',
    count('duplicate') > 0 ? plural(count('duplicate'), 'duplicate') : '',
    count('skipped') > 0 ? `${count('skipped')} skipped` : '',
    count('error') > 0 ? `${count('error')} failed` : '',
  ];
  return parts.filter(Boolean).join(', ');
}
