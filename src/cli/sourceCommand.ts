/**
 * `dossier source edit SOURCE_ID [--title T] [--author A] ...` (rename a source,
 * correct its metadata) and `dossier source delete|restore SOURCE_ID`.
 */
import type { ApiArgs } from '../shared/api';
import { lastOption, usage, type ParsedArgv } from './argv';
import { callCore } from './callCore';
import { print, type Command } from './command';
import { isTrashAction, moveThroughTrash } from './trashCommands';
import { formatSource } from './versionCommands';

type SourceEdits = Omit<ApiArgs<'editSource'>, 'sourceId'>;

/** Each option and the field it sets; an empty value clears the field (`--site ""`). */
const fieldOf = {
  title: 'title',
  author: 'byline',
  site: 'siteName',
  url: 'url',
  published: 'publishedAt',
  lang: 'lang',
  dir: 'dir',
} as const satisfies Record<string, keyof SourceEdits>;

const usageLine =
  'usage: source edit SOURCE_ID [--title T] [--author A] [--site S] [--url U] [--published YYYY-MM-DD] [--lang L] [--dir ltr|rtl] | source delete SOURCE_ID | source restore SOURCE_ID';

function editsFrom(parsed: ParsedArgv): SourceEdits {
  const edits: Record<string, string | null> = {};
  for (const [option, field] of Object.entries(fieldOf)) {
    const value = lastOption(parsed, option);
    if (value === undefined) continue;
    // A title cannot be cleared: an empty one goes to the contract, which says so.
    edits[field] = value === '' && field !== 'title' ? null : value;
  }
  return edits as SourceEdits;
}

const sourceCommand: Command = {
  spec: { valued: Object.keys(fieldOf), flags: [] },
  async run(context, [action, sourceId, ...rest], parsed) {
    if (sourceId === undefined || rest.length > 0) throw usage(usageLine);
    const edits = editsFrom(parsed);
    if (isTrashAction(action) && Object.keys(edits).length === 0) {
      return moveThroughTrash(context, 'source', action, sourceId);
    }
    if (action !== 'edit') throw usage(usageLine);
    if (Object.keys(edits).length === 0) {
      throw usage(`source edit needs at least one option to change; ${usageLine}`);
    }
    const source = await callCore(context.core(), 'editSource', { sourceId, ...edits });
    print(context, source, () => formatSource(source));
    return 0;
  },
};

export const sourceCommands = { source: sourceCommand };
