/** `dossier restore FILE [--yes]`: put a backup (or another Dossier notebook file) in the notebook's place. */
import readline from 'node:readline/promises';
import { backupFolderOf } from '../core/backups/backupFiles';
import {
  checkRestoreCandidate,
  refuseWhileHeld,
  restoreNotebook,
  type RestoreCandidate,
} from '../core/backups/restoreNotebook';
import { DossierError } from '../shared/errors';
import { usage } from './argv';
import { print, type Command, type CommandContext } from './command';

export const restoreCommand: Command = {
  spec: { valued: [], flags: ['yes'] },
  async run(context, [file, ...rest], parsed) {
    if (file === undefined || rest.length > 0) throw usage('restore needs exactly one FILE');
    // Everything that can refuse does so before the question is asked.
    const candidate = checkRestoreCandidate(file);
    refuseWhileHeld(context.databaseFile);
    if (!parsed.flags.has('yes')) await confirm(context, candidate);
    const result = await restoreNotebook(context.databaseFile, candidate.file);
    print(context, result, () => {
      const previous =
        result.previous === null
          ? 'There was no notebook there before.'
          : result.previousVerified
            ? `The previous notebook was backed up to ${result.previous} (verified).`
            : `The previous notebook failed its checks; it was moved, as it was, to ${result.previous}.`;
      return `Restored ${result.notebook} from ${result.from} (${result.bytes} bytes, schema ${result.schemaVersion}).\n${previous}`;
    });
    return 0;
  },
};

async function confirm(context: CommandContext, candidate: RestoreCandidate): Promise<void> {
  if (!process.stdin.isTTY) {
    throw usage(
      `restore replaces ${context.databaseFile} with ${candidate.file}; ` +
        'add --yes to confirm (the input is not a terminal, so Dossier cannot ask)',
    );
  }
  const question =
    `Replace the notebook ${context.databaseFile}\n` +
    `   with ${candidate.file} (${candidate.bytes} bytes, schema ${candidate.schemaVersion})?\n` +
    `The current notebook is first backed up into ${backupFolderOf(context.databaseFile)}. [y/N] `;
  const prompt = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(question);
    if (!/^y(es)?$/i.test(answer.trim())) {
      throw new DossierError('cancelled', 'Nothing was restored; the notebook is unchanged.');
    }
  } finally {
    prompt.close();
  }
}
