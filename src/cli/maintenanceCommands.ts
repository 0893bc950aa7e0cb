/** `dossier backup FILE`, `check` and `reindex`: keeping a notebook safe from the terminal. */
import type { SearchIndexCounts } from '../shared/api';
import type { ProgressEvent } from '../shared/notebookEvents';
import { plural } from '../shared/text';
import { usage } from './argv';
import { callCore } from './callCore';
import { print, type Command, type CommandContext } from './command';

/** Each long command runs under this id, so its progress can be shown. */
const OPERATION_ID = 'cli';

const backupCommand: Command = {
  spec: { valued: [], flags: [] },
  async run(context, [destination, ...rest]) {
    if (destination === undefined || rest.length > 0) throw usage('backup needs exactly one FILE');
    const result = await callCore(
      context.core(),
      'backupNotebook',
      { destination, operationId: OPERATION_ID },
      progressLine(context, 'Backing up'),
    );
    print(context, result, () => `Backed up to ${result.file} (${result.bytes} bytes, verified)`);
    return 0;
  },
};

const checkCommand: Command = {
  spec: { valued: [], flags: [] },
  async run(context, rest) {
    if (rest.length > 0) throw usage('check takes no arguments');
    const report = await callCore(
      context.core(),
      'checkNotebook',
      { operationId: OPERATION_ID },
      progressLine(context, 'Checking'),
    );
    for (const problem of report.problems) context.err(`dossier: ${problem}`);
    print(context, report, () =>
      report.ok
        ? `No problems found (${describeCounts(report.counts)})`
        : `${plural(report.problems.length, 'problem')} found`,
    );
    return report.ok ? 0 : 1;
  },
};

const reindexCommand: Command = {
  spec: { valued: [], flags: [] },
  async run(context, rest) {
    if (rest.length > 0) throw usage('reindex takes no arguments');
    const counts = await callCore(
      context.core(),
      'rebuildSearchIndex',
      { operationId: OPERATION_ID },
      progressLine(context, 'Rebuilding the search index'),
    );
    print(context, counts, () => `Search index rebuilt (${describeCounts(counts)})`);
    return 0;
  },
};

function describeCounts(counts: SearchIndexCounts): string {
  return [
    plural(counts.sources, 'source'),
    plural(counts.passages, 'passage'),
    plural(counts.notes, 'note'),
  ].join(', ');
}

/** A percentage rewritten in place on a terminal; nothing when stderr is a file or a pipe. */
function progressLine(
  context: CommandContext,
  label: string,
): ((event: ProgressEvent) => void) | undefined {
  if (!context.interactive) return undefined;
  return (event) => {
    const percent = event.total > 0 ? Math.floor((event.done / event.total) * 100) : 0;
    context.status(event.state === 'running' ? `${label}… ${percent}%` : '');
  };
}

export const maintenanceCommands = {
  backup: backupCommand,
  check: checkCommand,
  reindex: reindexCommand,
};
