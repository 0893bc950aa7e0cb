/** `dossier note add|delete|restore` and `dossier notes`. */
import { lastOption, usage, type ParsedArgv } from './argv';
import { callCore } from './callCore';
import { noOptions, print, type Command, type CommandContext } from './command';
import { isTrashAction, moveThroughTrash } from './trashCommands';

const addOptions = ['title', 'text', 'link'];
const usageLine =
  'usage: note add --title TITLE [--text TEXT] [--link PASSAGE_ID]... | note delete NOTE_ID | note restore NOTE_ID';

const noteCommand: Command = {
  spec: { valued: addOptions, flags: [] },
  async run(context, [action, ...rest], parsed) {
    if (action === 'add' && rest.length === 0) return addNote(context, parsed);
    const [noteId, ...extra] = rest;
    if (!isTrashAction(action) || noteId === undefined || extra.length > 0) {
      throw usage(usageLine);
    }
    const misplaced = addOptions.find((option) => parsed.options.has(option));
    if (misplaced !== undefined) throw usage(`note ${action} does not take --${misplaced}`);
    return moveThroughTrash(context, 'note', action, noteId);
    return 0;
  },
};

async function addNote(context: CommandContext, parsed: ParsedArgv): Promise<number> {
  const title = lastOption(parsed, 'title');
  if (title === undefined) throw usage('note add needs --title TITLE');
  const created = await callCore(context.core(), 'createNote', {
    title,
    text: lastOption(parsed, 'text'),
    passageIds: parsed.options.get('link'),
  });
  print(context, created, () => `note #${created.noteId}`);
  return 0;
}

const notesCommand: Command = {
  spec: noOptions,
  async run(context) {
    const notes = await callCore(context.core(), 'listNotes', {});
    print(context, notes, () =>
      notes.length === 0
        ? 'No notes yet: dossier note add --title TITLE'
        : notes
            .map((n) => `#${n.id}  ${n.title}  (${n.passageIds.length} linked passages)`)
            .join('\n'),
    );
    return 0;
  },
};

export const noteCommands = { note: noteCommand, notes: notesCommand };
