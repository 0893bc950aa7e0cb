/** The `dossier` command: scripting access to the same core the app uses. */
import { createCore } from '../core/createCore';
import { defaultDatabasePath } from '../core/paths';
import { errorKinds, isDossierError } from '../shared/errors';
import { lastOption, parseArgv, usage } from './argv';
import type { CommandContext } from './command';
import { commands, unknownCommand } from './commands';

const globalSpec = { valued: ['db'], flags: ['json', 'help'] } as const;

export const helpText = `Dossier — an offline research notebook.

Usage: dossier [--db FILE] COMMAND [--json]

  import FILE|FOLDER... [--recursive] [--url URL]...
                                       import text, web pages (.html, .mht), Markdown, PDF,
                                       EPUB and Word files, folders of them, or pages by URL
  import FILE... --revision-of SOURCE_ID
                                       add FILE as the source's next version and re-anchor
                                       its passages (exact, moved, fuzzy or orphaned)
  list                                 list saved sources
  original SOURCE_ID --out FILE [--version N]
                                       write out the file a source was imported from, unchanged
  show SOURCE_ID [--version N]         print a source's text and passages (an older version's
                                       text and the passages marked on it with --version)
  source edit SOURCE_ID [--title T] [--author A] [--site S] [--url U]
         [--published YYYY-MM-DD] [--lang L] [--dir ltr|rtl]
                                       rename a source or correct its metadata
                                       (an empty value clears one: --site "")
  source delete SOURCE_ID              move a source to the trash (its passages stay for the
                                       notes that cite them)
  source restore SOURCE_ID             bring a source back from the trash
  diff SOURCE_ID [A B]                 what changed between versions A and B (default: the
                                       previous and the current), word by word:
                                       [-removed-] {+added+}
  mark SOURCE_ID --quote TEXT [--occurrence N] [--color C] [--comment TEXT]
                                       mark a passage (or --start N --end N, UTF-16 offsets);
                                       at least 3 letters or digits (2 in CJK)
  passage edit PASSAGE_ID [--color C] [--comment TEXT]
                                       recolour a passage or comment on it (colours: yellow,
                                       green, blue, pink, purple; --comment "" clears it)
  note add --title TITLE [--text TEXT] [--link PASSAGE_ID]...
                                       write a note, optionally linking passages
  note delete NOTE_ID                  move a note to the trash
  note restore NOTE_ID                 bring a note back from the trash (text and links)
  notes                                list notes
  trash                                list what is in the trash, newest deletion first
  trash empty --yes                    delete what is in the trash for good (a source whose
                                       passages a note still cites stays)
  collections                          list collections
  collection create NAME | rename COLLECTION_ID NAME | delete COLLECTION_ID
  collection add|remove COLLECTION_ID [--source SOURCE_ID]... [--note NOTE_ID]...
                                       put sources and notes in a collection, or take them out
  search QUERY [--limit N]             search sources, passages and notes
  tag source SOURCE_ID [TAG]...        replace a source's tags (no TAG clears them)
  tag note NOTE_ID [TAG]...            replace a note's tags
  tags                                 list tags with how many sources and notes carry each
  serve [--port N] [--open]            open the notebook in a browser (loopback only)
  backup FILE                          copy the notebook to FILE (online backup, verified)
  restore FILE [--yes]                 replace the notebook with FILE (a backup or another
                                       notebook), checked first; the notebook in place is
                                       backed up into NOTEBOOK.backups/ before (asks unless --yes)
  check                                look for damage in the notebook
  reindex                              rebuild the search index
  recover FILE --out NEW               salvage what can still be read of a damaged notebook
                                       into a new one (FILE is only read), then check NEW
  export --format md|html --out FOLDER [--note NOTE_ID]...
                                       write notes (all outside the trash, or those named) as
                                       Markdown or HTML files with their passages as footnotes,
                                       plus sources.csl.json and annotations.jsonld
  export --format md --sources --out FOLDER [--source SOURCE_ID]...
                                       write sources (all in the library, or those named) as
                                       Markdown files: details as front matter, the text with
                                       its passages highlighted, then the passages
  export --format json --out FILE      write the whole notebook to a new JSON file
  import-notebook FILE                 read a notebook written by export --format json into
                                       this notebook, which must be empty

The notebook is --db FILE, else $DOSSIER_DB, else the app's own notebook file.
With --json each command prints one JSON value on stdout.`;

export async function runCli(argv: readonly string[]): Promise<number> {
  const allValued = new Set<string>(globalSpec.valued);
  const allFlags = new Set<string>(globalSpec.flags);
  for (const command of Object.values(commands)) {
    command.spec.valued.forEach((name) => allValued.add(name));
    command.spec.flags.forEach((name) => allFlags.add(name));
  }
  let openedCore: ReturnType<typeof createCore> | undefined;
  try {
    const parsed = parseArgv(argv, { valued: [...allValued], flags: [...allFlags] });
    const [name, ...positionals] = parsed.positionals;
    if (parsed.flags.has('help') || name === undefined || name === 'help') {
      process.stdout.write(`${helpText}\n`);
      return name === undefined && !parsed.flags.has('help') ? 2 : 0;
    }
    const command = commands[name];
    if (command === undefined) throw unknownCommand(name);
    for (const option of parsed.options.keys()) {
      if (!globalSpec.valued.includes(option as 'db') && !command.spec.valued.includes(option)) {
        throw usage(`${name} does not take --${option}`);
      }
    }
    for (const flag of parsed.flags) {
      if (!allowedFlag(flag, command.spec.flags)) throw usage(`${name} does not take --${flag}`);
    }
    const databaseFile = lastOption(parsed, 'db') ?? defaultDatabasePath();
    const context: CommandContext = {
      core: () => (openedCore ??= createCore(databaseFile)),
      databaseFile,
      json: parsed.flags.has('json'),
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
      interactive: process.stderr.isTTY === true,
      // A line rewritten in place is for a person at a terminal; a file or a pipe gets none.
      status: (text) => {
        if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
      },
    };
    return await command.run(context, positionals, parsed);
  } catch (error) {
    if (!isDossierError(error)) throw error;
    process.stderr.write(`dossier: ${error.message}\n`);
    return errorKinds[error.code].exitCode;
  } finally {
    openedCore?.close();
  }
}

function allowedFlag(flag: string, commandFlags: readonly string[]): boolean {
  return (globalSpec.flags as readonly string[]).includes(flag) || commandFlags.includes(flag);
}
