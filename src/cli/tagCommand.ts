/** `dossier tag source|note ID TAG...` (replace an item's tags) and `dossier tags` (list them). */
import type { TagSummary } from '../shared/api';
import { plural } from '../shared/text';
import { usage } from './argv';
import { callCore } from './callCore';
import { noOptions, print, type Command } from './command';

function listed(tags: readonly string[]): string {
  return tags.length === 0 ? 'no tags' : tags.join(', ');
}

const tagCommand: Command = {
  spec: noOptions,
  async run(context, [kind, itemId, ...tags]) {
    if ((kind !== 'source' && kind !== 'note') || itemId === undefined) {
      throw usage('usage: tag source SOURCE_ID [TAG]... | tag note NOTE_ID [TAG]...');
    }
    const result =
      kind === 'source'
        ? await callCore(context.core(), 'setSourceTags', { sourceId: itemId, tags })
        : await callCore(context.core(), 'setNoteTags', { noteId: itemId, tags });
    print(context, result, () => `${kind} #${itemId}: ${listed(result.tags)}`);
    return 0;
  },
};

function countsOf(tag: TagSummary): string {
  return `${plural(tag.sourceCount, 'source')}, ${plural(tag.noteCount, 'note')}`;
}

const tagsCommand: Command = {
  spec: noOptions,
  async run(context, rest) {
    if (rest.length > 0) throw usage('tags takes no positional arguments');
    const tags = await callCore(context.core(), 'listTags', {});
    print(context, tags, () =>
      tags.length === 0
        ? 'No tags yet: dossier tag source SOURCE_ID TAG...'
        : tags.map((tag) => `${tag.name}  (${countsOf(tag)})`).join('\n'),
    );
    return 0;
  },
};

export const tagCommands = { tag: tagCommand, tags: tagsCommand };
