/** What every `dossier` subcommand is made of. */
import type { Core } from '../core/createCore';
import type { ArgvSpec, ParsedArgv } from './argv';

export interface CommandContext {
  /** Opened on first use (in this process), so a command that fails early never creates a notebook. */
  core(): Core;
  databaseFile: string;
  json: boolean;
  out(text: string): void;
  err(text: string): void;
  /** Whether a person watches stderr (a terminal), so progress is worth drawing. */
  interactive: boolean;
  /** Replaces the progress line on the terminal; '' clears it. */
  status(text: string): void;
}

export interface Command {
  spec: ArgvSpec;
  run(context: CommandContext, positionals: string[], parsed: ParsedArgv): Promise<number> | number;
}

export const noOptions: ArgvSpec = { valued: [], flags: [] };

/** One JSON value with --json, else the readable text. */
export function print(context: CommandContext, value: unknown, text: () => string): void {
  context.out(context.json ? JSON.stringify(value) : text());
}
