/** `dossier backup FILE` and `dossier check`: keeping a notebook safe from the terminal. */
import { backupNotebook, checkNotebook } from '../core/maintenance';
import { usage } from './argv';
import { print, type Command } from './command';

export const backupCommand: Command = {
  spec: { valued: [], flags: [] },
  async run(context, [destination, ...rest]) {
    if (destination === undefined || rest.length > 0) throw usage('backup needs exactly one FILE');
    const result = await backupNotebook(context.databaseFile, destination);
    print(context, result, () => `Backed up to ${result.file} (${result.bytes} bytes, verified)`);
    return 0;
  },
};

export const checkCommand: Command = {
  spec: { valued: [], flags: [] },
  run(context, rest) {
    if (rest.length > 0) throw usage('check takes no arguments');
    const report = checkNotebook(context.databaseFile);
    for (const problem of report.problems) context.err(`dossier: ${problem}`);
    print(context, report, () =>
      report.ok
        ? `No problems found (${report.counts.sources} sources, ${report.counts.passages} passages, ${report.counts.notes} notes)`
        : `${report.problems.length} problem(s) found`,
    );
    return report.ok ? 0 : 1;
  },
};
