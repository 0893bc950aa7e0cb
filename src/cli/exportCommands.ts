/** `dossier export` (notes as Markdown or HTML, or the whole notebook as JSON) and `dossier import-notebook`. */
import path from 'node:path';
import type {
  ExportedNotebook,
  ExportedNotes,
  ExportedSources,
  ImportedNotebook,
} from '../shared/api';
import { plural } from '../shared/text';
import { lastOption, usage } from './argv';
import { print, type Command } from './command';
import { callLong } from './maintenanceCommands';

const usageLine =
  'usage: export --format md|html|json --out PATH [--note NOTE_ID]... | export --format md --sources --out FOLDER [--source SOURCE_ID]...';

const exportCommand: Command = {
  spec: { valued: ['format', 'out', 'note', 'source'], flags: ['sources'] },
  async run(context, rest, parsed) {
    const format = lastOption(parsed, 'format');
    const out = lastOption(parsed, 'out');
    const noteIds = parsed.options.get('note');
    const sourceIds = parsed.options.get('source');
    if (rest.length > 0 || out === undefined) throw usage(usageLine);
    if (parsed.flags.has('sources') || sourceIds) {
      if (format !== 'md' || noteIds)
        throw usage('export --sources writes Markdown: --format md, no --note');
      const result = await callLong(context, 'Exporting sources', 'exportSources', {
        destination: out,
        sourceIds,
      });
      print(context, result, () => describeSources(result));
      return 0;
    }
    if (format === 'json') {
      if (noteIds) throw usage('export --format json writes the whole notebook: leave out --note');
      const result = await callLong(context, 'Exporting the notebook', 'exportNotebook', {
        destination: out,
      });
      print(context, result, () => describeNotebook(result));
      return 0;
    }
    if (format !== 'md' && format !== 'html') throw usage(usageLine);
    const result = await callLong(context, 'Exporting notes', 'exportNotes', {
      format,
      destination: out,
      noteIds,
    });
    print(context, result, () => describeNotes(result));
    return 0;
  },
};

const importNotebookCommand: Command = {
  spec: { valued: [], flags: [] },
  async run(context, [file, ...rest]) {
    if (file === undefined || rest.length > 0)
      throw usage('import-notebook needs exactly one FILE');
    const result = await callLong(context, 'Importing the notebook', 'importNotebook', { file });
    print(context, result, () => describeImport(result));
    return 0;
  },
};

function describeNotes(result: ExportedNotes): string {
  const cited = `${plural(result.passageCount, 'passage')} from ${plural(result.sourceCount, 'source')}`;
  return [
    `Exported ${plural(result.notes.length, 'note')} citing ${cited} to ${result.folder}`,
    ...[...result.notes.map((note) => note.file), result.sourcesFile, result.annotationsFile].map(
      (file) => `  ${path.basename(file)}`,
    ),
  ].join('\n');
}

function describeSources(result: ExportedSources): string {
  return [
    `Exported ${plural(result.sources.length, 'source')} to ${result.folder}`,
    ...result.sources.map((source) => `  ${path.basename(source.file)}`),
  ].join('\n');
}

function describeNotebook(result: ExportedNotebook): string {
  return `Exported the notebook to ${result.file} (${describeRows(result.rows)}; ${result.bytes} bytes)`;
}

function describeImport(result: ImportedNotebook): string {
  return `Imported ${describeRows(result.rows)} from ${result.file}`;
}

function describeRows(rows: Record<string, number>): string {
  return [
    plural(rows.sources ?? 0, 'source'),
    plural(rows.passages ?? 0, 'passage'),
    plural(rows.notes ?? 0, 'note'),
  ].join(', ');
}

export const exportCommands = {
  export: exportCommand,
  'import-notebook': importNotebookCommand,
};
