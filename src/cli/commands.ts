/** The `dossier` subcommands: each parses its own arguments and prints JSON or a readable text. */
import type { SearchHit } from '../shared/api';
import { DossierError } from '../shared/errors';
import { integerOption, usage } from './argv';
import { callCore } from './callCore';
import { noOptions, print, type Command, type CommandContext } from './command';
import { callLong, maintenanceCommands } from './maintenanceCommands';
import { restoreCommand } from './restoreCommand';
import { importCommand } from './importCommand';
import { noteCommands } from './noteCommands';
import { originalCommand } from './originalCommand';
import { serve } from './serve';
import { sourceCommands } from './sourceCommand';
import { tagCommands } from './tagCommand';
import { trashCommands } from './trashCommands';
import { collectionCommands } from './collectionCommands';
import { exportCommands } from './exportCommands';
import { passageCommands } from './passageCommands';
import { recoverCommand } from './recoverCommand';
import { versionCommands } from './versionCommands';

const listCommand: Command = {
  spec: noOptions,
  async run(context) {
    const sources = await callCore(context.core(), 'listSources', {});
    print(context, sources, () =>
      sources.length === 0
        ? 'No sources yet: dossier import FILE'
        : sources.map((s) => `#${s.id}  ${s.title}  (${s.passageCount} passages)`).join('\n'),
    );
    return 0;
  },
};

const searchCommand: Command = {
  spec: { valued: ['limit'], flags: [] },
  async run(context, words, parsed) {
    const query = words.join(' ');
    if (query.trim() === '') throw usage('search needs a QUERY');
    await freshenSearchIndex(context);
    const hits = await callCore(context.core(), 'search', {
      query,
      limit: integerOption(parsed, 'limit'),
    });
    print(context, hits, () => (hits.length === 0 ? 'No results' : hits.map(formatHit).join('\n')));
    return 0;
  },
};

/**
 * An index that an older Dossier made, or whose rebuild stopped, would miss
 * results: it is rebuilt before the search, as the app does on opening (a
 * read-only notebook cannot be, and the search says so).
 */
async function freshenSearchIndex(context: CommandContext): Promise<void> {
  const core = context.core();
  if (!core.searchIndexIsStale()) return;
  if ((await callCore(core, 'notebookStatus', {})).readOnly) {
    context.err(
      'dossier: the search index is out of date and the notebook is read-only: results may be missing',
    );
    return;
  }
  await callLong(context, 'Rebuilding the search index first', 'rebuildSearchIndex', {});
}

function formatHit(hit: SearchHit): string {
  // The command asks for every snippet (no `snippets`), so none is null.
  const text = hit.snippet ?? '';
  let snippet = '';
  let from = 0;
  for (const [start, end] of hit.highlights) {
    snippet += `${text.slice(from, start)}[${text.slice(start, end)}]`;
    from = end;
  }
  snippet += text.slice(from);
  // A passage names its source (what `show` takes) and the notes that quote it.
  let context = '';
  if (hit.kind === 'passage') {
    const notes = hit.noteIds.map((id) => `note #${id}`).join(', ');
    context = `  (source #${hit.sourceId}${notes && `; quoted in ${notes}`})`;
  }
  return `${hit.kind.padEnd(8)} #${hit.id}  ${hit.title}${context}\n         ${snippet.replace(/\s+/g, ' ')}`;
}

const serveCommand: Command = {
  spec: { valued: ['port'], flags: ['open'] },
  async run(context, rest, parsed) {
    if (rest.length > 0) throw usage('serve takes no positional arguments');
    const port = integerOption(parsed, 'port') ?? 0;
    if (port > 65535) throw usage('--port must be at most 65535');
    await serve({
      databaseFile: context.databaseFile,
      port,
      openBrowser: parsed.flags.has('open'),
    });
    return 0;
  },
};

export const commands: Record<string, Command> = {
  import: importCommand,
  original: originalCommand,
  list: listCommand,
  restore: restoreCommand,
  ...versionCommands,
  ...sourceCommands,
  ...passageCommands,
  ...noteCommands,
  ...trashCommands,
  ...collectionCommands,
  search: searchCommand,
  serve: serveCommand,
  ...maintenanceCommands,
  recover: recoverCommand,
  ...exportCommands,
  ...tagCommands,
};

export function unknownCommand(name: string): DossierError {
  return usage(`unknown command "${name}" (try: ${Object.keys(commands).join(', ')})`);
}
