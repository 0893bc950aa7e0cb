/** A small, strict argv parser: `--name value`, `--name=value`, repeatable options, boolean flags. */
import { DossierError } from '../shared/errors';

export interface ParsedArgv {
  positionals: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

export interface ArgvSpec {
  /** Options that take a value, e.g. `db`, `quote`, `link`. */
  valued: readonly string[];
  /** Options without a value, e.g. `json`. */
  flags: readonly string[];
}

export function parseArgv(argv: readonly string[], spec: ArgvSpec): ParsedArgv {
  const parsed: ParsedArgv = { positionals: [], options: new Map(), flags: new Set() };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('--') || arg.length === 2) {
      parsed.positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    if (spec.flags.includes(name)) {
      if (equals !== -1) throw usage(`--${name} takes no value`);
      parsed.flags.add(name);
    } else if (spec.valued.includes(name)) {
      const value = equals === -1 ? argv[++index] : arg.slice(equals + 1);
      if (value === undefined) throw usage(`--${name} needs a value`);
      parsed.options.set(name, [...(parsed.options.get(name) ?? []), value]);
    } else {
      throw usage(`unknown option --${name}`);
    }
  }
  return parsed;
}

export function lastOption(parsed: ParsedArgv, name: string): string | undefined {
  return parsed.options.get(name)?.at(-1);
}

export function integerOption(parsed: ParsedArgv, name: string): number | undefined {
  const value = lastOption(parsed, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usage(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

export function usage(message: string): DossierError {
  return new DossierError('usage', message);
}
