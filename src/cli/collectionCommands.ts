/** `dossier collections` and `dossier collection create|rename|delete|add|remove`. */
import type { CollectionSummary } from '../shared/api';
import { plural } from '../shared/text';
import { usage, type ParsedArgv } from './argv';
import { callCore } from './callCore';
import { noOptions, print, type Command, type CommandContext } from './command';

const usageLine =
  'usage: collection create NAME | collection rename COLLECTION_ID NAME | collection delete COLLECTION_ID | ' +
  'collection add|remove COLLECTION_ID [--source SOURCE_ID]... [--note NOTE_ID]...';

function describe(collection: CollectionSummary): string {
  return `#${collection.id}  ${collection.name}  (${plural(collection.sourceCount, 'source')}, ${plural(collection.noteCount, 'note')})`;
}

const collectionsCommand: Command = {
  spec: noOptions,
  async run(context, rest) {
    if (rest.length > 0) throw usage('collections takes no positional arguments');
    const collections = await callCore(context.core(), 'listCollections', {});
    print(context, collections, () =>
      collections.length === 0
        ? 'No collections yet: dossier collection create NAME'
        : collections.map(describe).join('\n'),
    );
    return 0;
  },
};

const collectionCommand: Command = {
  spec: { valued: ['source', 'note'], flags: [] },
  async run(context, [action, ...rest], parsed) {
    const core = context.core();
    const [first, second] = rest;
    let result: CollectionSummary | { deleted: true };
    if (action === 'create' && rest.length === 1) {
      result = await callCore(core, 'createCollection', { name: first! });
    } else if (action === 'rename' && rest.length === 2) {
      result = await callCore(core, 'renameCollection', { collectionId: first!, name: second! });
    } else if (action === 'delete' && rest.length === 1) {
      result = await callCore(core, 'deleteCollection', { collectionId: first! });
    } else if ((action === 'add' || action === 'remove') && rest.length === 1) {
      return changeMembers(context, action, first!, parsed);
    } else {
      throw usage(usageLine);
    }
    print(context, result, () =>
      'deleted' in result ? `collection #${first} deleted` : describe(result),
    );
    return 0;
  },
};

async function changeMembers(
  context: CommandContext,
  action: 'add' | 'remove',
  collectionId: string,
  parsed: ParsedArgv,
): Promise<number> {
  const sourceIds = parsed.options.get('source') ?? [];
  const noteIds = parsed.options.get('note') ?? [];
  if (sourceIds.length + noteIds.length === 0) {
    throw usage(`collection ${action} needs --source SOURCE_ID or --note NOTE_ID`);
  }
  const method = action === 'add' ? 'addToCollection' : 'removeFromCollection';
  const collection = await callCore(context.core(), method, { collectionId, sourceIds, noteIds });
  print(context, collection, () => describe(collection));
  return 0;
}

export const collectionCommands = {
  collections: collectionsCommand,
  collection: collectionCommand,
};
