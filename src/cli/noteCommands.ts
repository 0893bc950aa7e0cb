/** `dossier note add|delete|restore`, `dossier notes` and `dossier trash`. */
import { lastOption, usage, type ParsedArgv } from './argv';
import { callCore } from './callCore';
import { noOptions, print, type Command, type CommandContext } from './command';

const addOptions = ['title', 'text', 'link'];
const usageLine =
  'usage: note add --title TITLE [--text TEXT] [--link PASSAGE_ID]... | note delete NOTE_ID | note restore NOTE_ID';

const noteCommand: Command = {
  spec: { valued: addOptions, flags: [] },
  async run(context, [action, ...rest], parsed) {
    if (action === 'add' && rest.length === 0) return addNote(context, parsed);
    const [noteId, ...extra] = rest;
    if ((action !== 'delete' && action !== 'restore') || noteId === undefined || extra.length > 0) {
      throw usage(usageLine);
    }
    const misplaced = addOptions.find((option) => parsed.options.has(option));
    if (misplaced !== undefined) throw usage(`note ${action} does not take --${misplaced}`);
    if (action === 'delete') {
      const deleted = await callCore(context.core(), 'deleteNote', { noteId });
      print(
        context,
        deleted,
        () => `note #${noteId} moved to the trash (dossier note restore ${noteId} brings it back)`,
      );
    } else {
      const restored = await callCore(context.core(), 'restoreNote', { noteId });
      print(context, restored, () => `note #${noteId} restored`);
    }
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

const trashCommand: Command = {
  spec: noOptions,
  async run(context, rest) {
    if (rest.length > 0) throw usage('trash takes no positional arguments');
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

export const noteCommands = { note: noteCommand, notes: notesCommand, trash: trashCommand };
