/**
 * A writer for the crash tests, killed with SIGKILL at a random moment: it
 * runs the real `dossier` command (its entry, runCli) again and again in one
 * process, so each kill cycle pays the start-up once. Before each command it
 * prints `try JSON`, and after the command exited 0 (its output printed)
 * `ack JSON`: the save the test may hold Dossier to.
 *
 *   crashWriter notes NOTEBOOK PREFIX [ROUNDS]          dossier note add, one note each time
 *   crashWriter imports NOTEBOOK PREFIX FOLDER [ROUNDS] dossier import FOLDER/batch-N (three files each time)
 *
 * With ROUNDS it ends after that many commands (the two-writer test); without, when killed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { importBatchFiles, noteSave, type CrashSave } from './crashSaves';

async function main([mode, notebook, prefix, ...rest]: string[]): Promise<void> {
  if (notebook === undefined || prefix === undefined) throw new Error('usage: see crashWriter.ts');
  const folder = mode === 'imports' ? rest.shift() : undefined;
  const rounds = rest[0] === undefined ? Infinity : Number(rest[0]);
  for (let round = 0; round < rounds; round++) {
    const { saves, args } =
      mode === 'notes' ? noteRound(prefix, round) : importRound(prefix, round, folder);
    saves.forEach((save) => report('try', save));
    const code = await runCli(['--db', notebook, ...args, '--json']);
    if (code !== 0) throw new Error(`dossier ${args.join(' ')} exited ${code}`);
    saves.forEach((save) => report('ack', save));
  }
}

function noteRound(prefix: string, round: number): { saves: CrashSave[]; args: string[] } {
  const save = noteSave(prefix, round);
  return { saves: [save], args: ['note', 'add', '--title', save.title, '--text', save.text] };
}

function importRound(
  prefix: string,
  round: number,
  folder: string | undefined,
): { saves: CrashSave[]; args: string[] } {
  if (folder === undefined) throw new Error('imports need a FOLDER for the files');
  const batch = path.join(folder, `${prefix}-batch-${round}`);
  fs.mkdirSync(batch, { recursive: true });
  const files = importBatchFiles(prefix, round);
  for (const file of files) fs.writeFileSync(path.join(batch, file.fileName), file.content);
  return { saves: files.map((file) => file.save), args: ['import', batch] };
}

function report(word: 'try' | 'ack', save: CrashSave): void {
  process.stdout.write(`${word} ${JSON.stringify(save)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`crashWriter: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
