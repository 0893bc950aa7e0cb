/** `dossier import`: files, folders and web addresses, one result per item. */
import { detectFormat } from '../core/extract/detectFormat';
import type { ImportedSource } from '../shared/api';
import type { SourceKind } from '../shared/documentModel';
import { isDossierError } from '../shared/errors';
import { ID_PATTERN } from '../shared/ids';
import { plural } from '../shared/text';
import { lastOption, usage } from './argv';
import { callCore } from './callCore';
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
    for (const [index, item] of items.entries()) {
      const name = 'url' in item ? item.url : item.file;
      context.status(items.length > 1 ? `Importing ${index + 1} of ${items.length}: ${name}` : '');
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

/** One item's outcome; a bad one is reported and the next one still imported. */
async function importItem(
  context: CommandContext,
  item: ImportItem,
  revisionOf: string | undefined,
): Promise<ImportResult> {
  if (!('url' in item) && item.skipped !== undefined) {
    return { file: item.file, status: 'skipped', error: item.skipped, kind: null };
  }
  if (!('url' in item) && item.refused !== undefined) {
    return {
      file: item.file,
      status: 'error',
      error: item.refused,
      errorCode: 'not_found',
      kind: null,
    };
  }
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
