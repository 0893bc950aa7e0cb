/**
 * What each contract method is, as plain data for code that must not bundle
 * the argument schemas (the sandboxed preload, the renderer's client) and for
 * the hosts that route calls: a query only reads, a mutation writes and says
 * what it changes, a long method reports progress and can be cancelled.
 * `api.ts` checks at compile time that this table and the contract agree.
 */

/** The kinds of data a window shows; a mutation names the ones it changes. */
export const topics = [
  'sources',
  'passages',
  'notes',
  'tags',
  'collections',
  'highlightColors',
  'searchIndex',
  'backups',
] as const;
export type Topic = (typeof topics)[number];

export interface MethodSpec {
  /**
   * `query` reads only and may be answered by any reading connection;
   * `mutation` runs on the one writing connection; `control` is answered by
   * every connection (cancelling runs wherever the operation runs); `host`
   * is answered by the host holding the notebook, never by a core (it
   * replaces the notebook under the core's feet).
   */
  kind: 'query' | 'mutation' | 'control' | 'host';
  /** What a successful call changes; hosts push these names to every open window. */
  changes: readonly Topic[];
  /** Takes an `operationId`, reports progress under it and stops when it is cancelled. */
  long: boolean;
}

const query = { kind: 'query', changes: [], long: false } as const;
const mutation = (...changes: Topic[]) => ({ kind: 'mutation', changes, long: false }) as const;
const long = <S extends MethodSpec>(spec: S): Omit<S, 'long'> & { long: true } => ({
  ...spec,
  long: true,
});

export const apiMethods = {
  // With `revisionOf`, a new version re-anchors the source's passages.
  importFile: long(mutation('sources', 'passages')),
  importText: long(mutation('sources', 'passages')),
  importFiles: long(mutation('sources', 'passages')),
  importUrl: long(mutation('sources', 'passages')),
  getOriginal: query,
  listSources: query,
  listPassageCounts: query,
  getSourceSummaries: query,
  getSource: query,
  getRevisionReport: query,
  markPassage: mutation('passages'),
  // A comment is searched at once (the passage's index entry is rewritten in the same transaction).
  annotatePassage: mutation('passages'),
  deletePassage: mutation('passages'),
  reattachPassage: mutation('passages'),
  reviewPassage: mutation('passages'),
  diffVersions: query,
  getPassage: query,
  listPassages: query,
  listNotes: query,
  getNote: query,
  getNoteReferences: query,
  createNote: mutation('notes'),
  saveNote: mutation('notes'),
  deleteNote: mutation('notes'),
  restoreNote: mutation('notes'),
  // Read under `notes`: every save may keep a revision.
  listNoteRevisions: query,
  getNoteRevision: query,
  checkpointNote: mutation('notes'),
  // Read under `sources` and `notes`: what moves either in or out of the trash changes them.
  listTrash: query,
  // Passages: a note's link says when the source it cites is in the trash.
  deleteSource: mutation('sources', 'passages'),
  restoreSource: mutation('sources', 'passages'),
  emptyTrash: mutation('sources', 'passages', 'notes', 'tags', 'collections'),
  listHighlightColors: query,
  setHighlightColorLabel: mutation('highlightColors'),
  listCollections: query,
  createCollection: mutation('collections'),
  renameCollection: mutation('collections'),
  // Sources and notes list the collections they are in.
  deleteCollection: mutation('collections', 'sources', 'notes'),
  addToCollection: mutation('collections', 'sources', 'notes'),
  removeFromCollection: mutation('collections', 'sources', 'notes'),
  // A new title is searched at once (the source's index entry is rewritten in the same transaction).
  editSource: mutation('sources'),
  setSourceTags: mutation('sources', 'tags'),
  setNoteTags: mutation('notes', 'tags'),
  listTags: query,
  search: query,
  cutSnippets: query,
  backupNotebook: long(query),
  listBackups: query,
  // On the writing connection: its own commits during the copy never make the copy start over.
  backUpNow: long(mutation('backups')),
  // Exports write files only, never the notebook.
  exportNotes: long(query),
  exportSources: long(query),
  exportNotebook: long(query),
  // Fills an empty notebook: everything in it changes.
  importNotebook: long(mutation(...topics)),
  // On the writing connection: FTS5's integrity check is spelled as an INSERT (it changes nothing).
  checkNotebook: long(mutation()),
  notebookStatus: query,
  rebuildSearchIndex: long(mutation('searchIndex')),
  cancelOperation: { kind: 'control', changes: [], long: false },
  // The host closes the core, puts the backup in the notebook's place and opens it again.
  restoreBackup: { kind: 'host', changes: topics, long: false },
} as const satisfies Record<string, MethodSpec>;

export type ApiMethodName = keyof typeof apiMethods;
export const apiMethodNames = Object.keys(apiMethods) as ApiMethodName[];
/** The methods a core answers; the others (kind `host`) are answered by the host around it. */
export type CoreMethodName = {
  [M in ApiMethodName]: (typeof apiMethods)[M]['kind'] extends 'host' ? never : M;
}[ApiMethodName];
/** The methods that report progress and can be cancelled. */
export type LongMethodName = {
  [M in ApiMethodName]: (typeof apiMethods)[M]['long'] extends true ? M : never;
}[ApiMethodName];

/** IPC channel of a contract method; shared by main and preload. */
export function ipcChannel(method: string): string {
  return `dossier:${method}`;
}

/** Main pushes notebook events (changes, progress) to every window on this channel. */
export const notebookEventChannel = 'dossier-window:notebook-event';
/** Main asks the renderer to flush pending saves on this channel before the window closes. */
export const beforeCloseChannel = 'dossier-window:before-close';
/** The renderer answers on this channel once its saves are done. */
export const readyToCloseChannel = 'dossier-window:ready-to-close';
