/** `dossier recover FILE --out NEW`: salvage what can still be read of a damaged notebook. */
import { recoverNotebook, type TableRecovery } from '../core/recovery/recoverNotebook';
import { plural } from '../shared/text';
import { lastOption, usage } from './argv';
import { print, type Command } from './command';

export const recoverCommand: Command = {
  spec: { valued: ['out'], flags: [] },
  async run(context, [file, ...rest], parsed) {
    const out = lastOption(parsed, 'out');
    if (file === undefined || rest.length > 0 || out === undefined) {
      throw usage('recover needs exactly one FILE and --out NEW');
    }
    const report = await recoverNotebook(file, out);
    for (const problem of report.check.problems) context.err(`dossier: ${out}: ${problem}`);
    print(context, report, () =>
      [
        `Salvaged from ${report.file} into ${report.out} (the damaged file was only read):`,
        ...report.tables.map(describeTable),
        describePages(report.damagedPages),
        report.check.ok
          ? `${report.out} passes dossier check. Open it with: dossier --db ${report.out} list`
          : `${report.out} has ${plural(report.check.problems.length, 'problem')} (listed above).`,
      ].join('\n'),
    );
    return report.check.ok ? 0 : 1;
  },
};

function describeTable(table: TableRecovery): string {
  const name = `  ${table.table}:`.padEnd(24);
  if (table.lost) return `${name}lost (nothing of it could be read)`;
  const parts = [`${table.salvaged} salvaged`];
  if (table.dropped > 0) parts.push(`${table.dropped} dropped (pointing at lost rows)`);
  if (table.unreadable.length > 0) {
    const ids = table.unreadable.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`));
    parts.push(`ids ${ids.join(', ')} unreadable`);
  }
  return name + parts.join(', ');
}

function describePages(pages: number[] | null): string {
  if (pages === null) return "SQLite's integrity check could not read the file through.";
  if (pages.length === 0) return "SQLite's integrity check names no damaged page.";
  return `Damaged pages in the file: ${pages.join(', ')}`;
}
