import type { CoreApi } from '../shared/api';
import { openDatabase, type OpenOptions } from './db/openDatabase';
import { createNote, deleteNote, getNote, listNotes, restoreNote, saveNote } from './notes/notes';
import { deletePassage } from './passages/deletePassage';
import { markPassage } from './passages/markPassage';
import { getPassage } from './passages/passageViews';
import { searchAll } from './search/search';
import { importFile, importText } from './sources/importSource';
import { getSource, listSources } from './sources/sourceQueries';
import { listTags } from './tags/listTags';
import { setTags } from './tags/setTags';
import { taggedNotes, taggedSources } from './tags/taggedKinds';

export type Core = CoreApi & {
  close(): void;
  readonly databaseFile: string;
};

const DEFAULT_SEARCH_LIMIT = 20;

/**
 * The notebook behind every host: opens (and migrates) the database file and
 * answers the contract's methods with already-validated arguments. Each
 * method that writes does so in one transaction.
 */
export function createCore(dbFile: string, options: OpenOptions = {}): Core {
  const db = openDatabase(dbFile, options);
  return {
    databaseFile: dbFile,
    close: () => db.close(),

    importFile: (args) => importFile(db, args),
    importText: (args) => importText(db, args),
    listSources: () => listSources(db),
    getSource: ({ sourceId }) => getSource(db, Number(sourceId)),

    markPassage: (args) => markPassage(db, args),
    getPassage: ({ passageId }) => getPassage(db, Number(passageId)),
    deletePassage: ({ passageId }) => {
      deletePassage(db, Number(passageId));
      return { deleted: true };
    },

    listNotes: () => listNotes(db),
    getNote: ({ noteId }) => getNote(db, Number(noteId)),
    createNote: (args) => createNote(db, args),
    saveNote: (args) => saveNote(db, args),
    deleteNote: ({ noteId }) => {
      deleteNote(db, Number(noteId));
      return { deleted: true };
    },
    restoreNote: ({ noteId }) => {
      restoreNote(db, Number(noteId));
      return { restored: true };
    },

    setSourceTags: ({ sourceId, tags }) => setTags(db, taggedSources, Number(sourceId), tags),
    setNoteTags: ({ noteId, tags }) => setTags(db, taggedNotes, Number(noteId), tags),
    listTags: () => listTags(db),

    search: ({ query, limit }) => searchAll(db, query, limit ?? DEFAULT_SEARCH_LIMIT),
  };
}
