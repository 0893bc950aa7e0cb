/** `dossier backup FILE`, `check` and `reindex`: keeping a notebook safe from the terminal. */
import type { ApiArgs, ApiResults, SearchIndexCounts } from '../shared/api';
import type { LongMethodName } from '../shared/apiMethods';
import type { ProgressEvent } from '../shared/notebookEvents';
import { plural } from '../shared/text';
import { usage } from './argv';
import { callCore } from './callCore';
import { noOptions, print, type Command, type CommandContext } from './command';

/** Each long command runs under this id, so its progress can be shown. */
const OPERATION_ID = 'cli';

const backupCommand: Command = {
  spec: noOptions,
  async run(context, [destination, ...rest]) {
    if (destination === undefined || rest.length > 0) throw usage('backup needs exactly one FILE');
    const result = await callLong(context, 'Backing up', 'backupNotebook', { destination });
    print(context, result, () => `Backed up to ${result.file} (${result.bytes} bytes, verified)`);
    return 0;
  },
};

const checkCommand: Command = {
  spec: noOptions,
  async run(context, rest) {
    if (rest.length > 0) throw usage('check takes no arguments');
    const report = await callLong(context, 'Checking', 'checkNotebook', {});
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
  spec: noOptions,
  async run(context, rest) {
    if (rest.length > 0) throw usage('reindex takes no arguments');
    const counts = await callLong(context, 'Rebuilding the search index', 'rebuildSearchIndex', {});
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

/**
 * Runs a long method, drawing its progress as a percentage rewritten in place
 * on a terminal (nothing when stderr is a file or a pipe).
 */
export function callLong<M extends LongMethodName>(
  context: CommandContext,
  label: string,
  method: M,
  args: Omit<ApiArgs<M>, 'operationId'>,
): Promise<ApiResults[M]> {
  const showProgress = (event: ProgressEvent) => {
    const percent = event.total > 0 ? Math.floor((event.done / event.total) * 100) : 0;
    context.status(event.state === 'running' ? `${label}… ${percent}%` : '');
  };
  return callCore(
    context.core(),
    method,
    { ...args, operationId: OPERATION_ID } as ApiArgs<M>,
    context.interactive ? showProgress : undefined,
  );
}

export const maintenanceCommands = {
  backup: backupCommand,
  check: checkCommand,
  reindex: reindexCommand,
};
