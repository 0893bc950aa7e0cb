/** `dossier trash [empty --yes]`, and moving sources and notes to the trash and back. */
import type { EmptiedTrash } from '../shared/api';
import { plural } from '../shared/text';
import { usage } from './argv';
import { callCore } from './callCore';
import { print, type Command, type CommandContext } from './command';

export type TrashAction = 'delete' | 'restore';

export function isTrashAction(action: string | undefined): action is TrashAction {
  return action === 'delete' || action === 'restore';
}

/** `dossier source|note delete|restore ID`. */
export async function moveThroughTrash(
  context: CommandContext,
  kind: 'source' | 'note',
  action: TrashAction,
  id: string,
): Promise<number> {
  const core = context.core();
  if (action === 'delete') {
    const deleted =
      kind === 'source'
        ? await callCore(core, 'deleteSource', { sourceId: id })
        : await callCore(core, 'deleteNote', { noteId: id });
    print(
      context,
      deleted,
      () => `${kind} #${id} moved to the trash (dossier ${kind} restore ${id} brings it back)`,
    );
  } else {
    const restored =
      kind === 'source'
        ? await callCore(core, 'restoreSource', { sourceId: id })
        : await callCore(core, 'restoreNote', { noteId: id });
    print(context, restored, () => `${kind} #${id} restored`);
  }
  return 0;
}

const trashCommand: Command = {
  spec: { valued: [], flags: ['yes'] },
  async run(context, rest, parsed) {
    if (rest.length === 1 && rest[0] === 'empty')
      return emptyTrash(context, parsed.flags.has('yes'));
    if (rest.length > 0) throw usage('usage: trash [--json] | trash empty --yes');
    if (parsed.flags.has('yes')) throw usage('--yes goes with trash empty');
    const items = await callCore(context.core(), 'listTrash', {});
    print(context, items, () =>
      items.length === 0
        ? 'The trash is empty.'
        : items
            .map((item) => `${item.kind} #${item.id}  ${item.title}  (deleted ${item.deletedAt})`)
            .join('\n'),
    );
    return 0;
  },
};

async function emptyTrash(context: CommandContext, confirmed: boolean): Promise<number> {
  if (!confirmed) {
    throw usage(
      'trash empty deletes what is in the trash for good; run `dossier trash` to see it, then `dossier trash empty --yes`',
    );
  }
  const emptied = await callCore(context.core(), 'emptyTrash', {});
  print(context, emptied, () => describeEmptied(emptied));
  return 0;
}

function describeEmptied({ deletedNotes, deletedSources, keptSources }: EmptiedTrash): string {
  const lines = [
    `Deleted for good: ${plural(deletedSources, 'source')} and ${plural(deletedNotes, 'note')}.`,
  ];
  for (const kept of keptSources) {
    lines.push(
      `Kept in the trash: source #${kept.id}  ${kept.title}  (its passages are cited by ${plural(kept.citingNotes, 'note')}; remove those links or delete those notes first)`,
    );
  }
  return lines.join('\n');
}

export const trashCommands = { trash: trashCommand };
