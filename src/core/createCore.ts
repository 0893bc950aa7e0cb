import type { BackupEntry, BackupReason, CoreApi, NotebookStatus } from '../shared/api';
import { apiMethods, type ApiMethodName } from '../shared/apiMethods';
import { DossierError } from '../shared/errors';
import { backupDatabase } from './db/backup';
import { notebookAccess, openReadOnlyNotebook, readOnlyRefusal } from './recovery/readOnlyNotebook';
import { explainingSqliteFailures } from './db/sqliteFailures';
import { listBackups } from './backups/listBackups';
import { makeBackup } from './backups/makeBackup';
import { checkDatabase } from './db/checkDatabase';
import { exportNotes } from './export/exportNotes';
import { exportSources } from './export/exportSources';
import { importNotebook } from './export/importNotebook';
import { exportNotebook } from './export/notebookJson';
import {
  openDatabase,
  type OpenOptions,
  type ReadableDB,
  type WritableDB,
} from './db/openDatabase';
import { createNote, deleteNote, getNote, listNotes, restoreNote, saveNote } from './notes/notes';
import { listTrash } from './trash/listTrash';
import { getNoteReferences } from './notes/noteLinks';
import { checkpointNote, getNoteRevision, listNoteRevisions } from './notes/noteHistory';
import { emptyTrash } from './trash/emptyTrash';
import { deleteSource, restoreSource } from './trash/sourceTrash';
import {
  addToCollection,
  createCollection,
  deleteCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
} from './collections/collections';
import { annotatePassage } from './passages/annotatePassage';
import { listHighlightColors, setHighlightColorLabel } from './passages/highlightColors';
import { cancelOperation, quietOperation } from './operations';
import { reattachPassage, reviewPassage } from './passages/correctPassage';
import { deletePassage } from './passages/deletePassage';
import { markPassage } from './passages/markPassage';
import { getPassage, listPassagesOfSource } from './passages/passageViews';
import { isSearchIndexStale, rebuildSearchIndex } from './search/reindex';
import { cutSnippets, searchAll } from './search/search';
import { importFile, importText } from './sources/importSource';
import { importFiles } from './sources/importFiles';
import { editSource } from './sources/editSource';
import { importUrl } from './sources/importUrl';
import {
  getSource,
  listPassageCounts,
  listSources,
  listSummariesOf,
} from './sources/sourceQueries';
import { readOriginal } from './originals/originals';
import { listTags } from './tags/listTags';
import { setTags } from './tags/setTags';
import { taggedNotes, taggedSources } from './tags/taggedKinds';
import { diffVersions } from './versions/diffVersions';
import { getRevisionReport, readVersion } from './versions/versionQueries';

export type Core = CoreApi & {
  close(): void;
  readonly databaseFile: string;
  /** SQLite's `data_version`: it moves when another connection commits to the file. */
  dataVersion(): number;
  /** The search index was built with other search keys than this Dossier's (or its rebuild stopped). */
  searchIndexIsStale(): boolean;
  /** Makes a verified backup into the notebook's backups folder, then rotates the older ones. */
  backUp(reason: BackupReason): Promise<BackupEntry>;
};

type MethodsOfKind<K extends string> = {
  [M in ApiMethodName]: (typeof apiMethods)[M]['kind'] extends K ? M : never;
}[ApiMethodName];
type QueryMethods = Pick<CoreApi, MethodsOfKind<'query' | 'control'>>;
type MutationMethods = Pick<CoreApi, MethodsOfKind<'mutation'>>;

const DEFAULT_SEARCH_LIMIT = 20;

/**
 * The notebook behind every host: opens (and migrates) the database file and
 * answers the contract's methods with already-validated arguments. Each
 * method that writes does so in one transaction. A reading core (`readonly`)
 * answers queries beside a writing one, and refuses mutations.
 */
export function createCore(dbFile: string, options: OpenOptions = {}): Core {
  // A notebook this account may not change opens read-only, and says why (notebookStatus).
  const access = notebookAccess(dbFile);
  const status = { databaseFile: dbFile, ...access };
  if (options.readonly || access.readOnly) {
    const notebook = openReadOnlyNotebook(dbFile, options, access);
    const refusal = access.readOnly
      ? readOnlyRefusal(dbFile, access.reason)
      : new DossierError('internal', `This connection to ${dbFile} only reads.`);
    return explainingSqliteFailures(dbFile, {
      ...connection(notebook.db, status, notebook.close),
      ...queries(notebook.db, status),
      ...refusedMutations(refusal),
    });
  }
  const db = openDatabase(dbFile, options);
  return explainingSqliteFailures(dbFile, {
    ...connection(db, status, () => db.close()),
    ...queries(db, status),
    ...mutations(db),
  });
}

type ConnectionMethods = 'databaseFile' | 'close' | 'dataVersion' | 'searchIndexIsStale' | 'backUp';

function connection(
  db: ReadableDB,
  status: NotebookStatus,
  close: () => void,
): Pick<Core, ConnectionMethods> {
  return {
    databaseFile: status.databaseFile,
    close,
    dataVersion: () => db.pragma('data_version', { simple: true }) as number,
    searchIndexIsStale: () => isSearchIndexStale(db),
    backUp: (reason) => makeBackup(db, reason),
  };
}

function queries(db: ReadableDB, status: NotebookStatus): QueryMethods {
  return {
    notebookStatus: () => status,
    listSources: ({ newest }) => listSources(db, newest),
    listPassageCounts: () => listPassageCounts(db),
    getSourceSummaries: ({ sourceIds }) => listSummariesOf(db, sourceIds.map(Number)),
    getSource: ({ sourceId, versionNumber }) => getSource(db, Number(sourceId), versionNumber),
    getOriginal: ({ sourceId, versionNumber }) =>
      readOriginal(db, readVersion(db, Number(sourceId), versionNumber).id),
    getRevisionReport: ({ sourceId, versionNumber }) =>
      getRevisionReport(db, Number(sourceId), versionNumber),
    getPassage: ({ passageId }) => getPassage(db, Number(passageId)),
    listPassages: ({ sourceId }) => listPassagesOfSource(db, Number(sourceId)),
    listNotes: () => listNotes(db),
    getNote: ({ noteId }) => getNote(db, Number(noteId)),
    getNoteReferences: ({ noteId }) => getNoteReferences(db, Number(noteId)),
    listTrash: () => listTrash(db),
    listNoteRevisions: ({ noteId }) => listNoteRevisions(db, Number(noteId)),
    getNoteRevision: ({ revisionId }) => getNoteRevision(db, Number(revisionId)),
    listHighlightColors: () => listHighlightColors(db),
    listCollections: () => listCollections(db),
    diffVersions: ({ sourceId, from, to }) => diffVersions(db, Number(sourceId), from, to),
    listTags: () => listTags(db),
    search: ({ query, limit, snippets }) =>
      searchAll(db, query, limit ?? DEFAULT_SEARCH_LIMIT, snippets),
    cutSnippets: ({ query, hits }) => cutSnippets(db, query, hits),
    backupNotebook: ({ destination }, operation) => backupDatabase(db, destination, operation),
    listBackups: () => listBackups(db.name),
    exportNotes: (args, operation) => exportNotes(db, args, operation),
    exportSources: (args, operation) => exportSources(db, args, operation),
    exportNotebook: ({ destination }, operation) => exportNotebook(db, destination, operation),
    cancelOperation: ({ operationId }) => ({ cancelled: cancelOperation(operationId) }),
  };
}

function mutations(db: WritableDB): MutationMethods {
  return {
    importFile: (args, operation) => importFile(db, args, operation),
    importText: (args, operation) => importText(db, args, operation),
    importFiles: (args, operation) => importFiles(db, args, operation),
    importUrl: (args, operation) => importUrl(db, args, operation),

    markPassage: (args) => markPassage(db, args),
    annotatePassage: (args) => annotatePassage(db, args),
    setHighlightColorLabel: ({ color, label }) => setHighlightColorLabel(db, color, label),
    deletePassage: ({ passageId }) => {
      deletePassage(db, Number(passageId));
      return { deleted: true };
    },
    reattachPassage: (args) => reattachPassage(db, args),
    reviewPassage: (args) => reviewPassage(db, args),

    createNote: (args) => createNote(db, args),
    saveNote: (args) => saveNote(db, args),
    deleteNote: ({ noteId }) => {
      deleteNote(db, Number(noteId));
      return { deleted: true };
    },
    checkpointNote: ({ noteId }) => {
      checkpointNote(db, Number(noteId));
      return { kept: true };
    },
    restoreNote: ({ noteId }) => {
      restoreNote(db, Number(noteId));
      return { restored: true };
    },

    editSource: (args) => editSource(db, args),
    deleteSource: ({ sourceId }) => {
      deleteSource(db, Number(sourceId));
      return { deleted: true };
    },
    restoreSource: ({ sourceId }) => {
      restoreSource(db, Number(sourceId));
      return { restored: true };
    },
    emptyTrash: () => emptyTrash(db),

    createCollection: ({ name }) => createCollection(db, name),
    renameCollection: ({ collectionId, name }) => renameCollection(db, Number(collectionId), name),
    deleteCollection: ({ collectionId }) => {
      deleteCollection(db, Number(collectionId));
      return { deleted: true };
    },
    addToCollection: (args) => addToCollection(db, args),
    removeFromCollection: (args) => removeFromCollection(db, args),
    setSourceTags: ({ sourceId, tags }) => setTags(db, taggedSources, Number(sourceId), tags),
    setNoteTags: ({ noteId, tags }) => setTags(db, taggedNotes, Number(noteId), tags),

    importNotebook: ({ file }, operation) => importNotebook(db, file, operation),
    checkNotebook: (_args, operation) => checkDatabase(db, operation),
    backUpNow: (_args, operation) => makeBackup(db, 'manual', { operation }),
    rebuildSearchIndex: (_args, { signal, progress } = quietOperation) =>
      rebuildSearchIndex(db, { signal, onProgress: progress }),
  };
}

/**
 * A reading core is never routed a mutation (if it were, it says so instead of
 * half-trying); a read-only notebook refuses each one with the reason.
 */
function refusedMutations(refusal: DossierError): MutationMethods {
  const refuse = (): never => {
    throw refusal;
  };
  const entries = Object.entries(apiMethods)
    .filter(([, spec]) => spec.kind === 'mutation')
    .map(([name]) => [name, refuse]);
  return Object.fromEntries(entries) as MutationMethods;
}
