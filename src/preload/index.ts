/**
 * The sandboxed preload: exposes each contract method as a named function on
 * `window.dossier`, never `ipcRenderer` itself. `satisfies DossierBridge` makes
 * a method missing here, or one the contract does not name, a compile error.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiArgs, ApiResponse, ApiResults, DossierBridge } from '../shared/api';
import type { ApiMethodName } from '../shared/apiMethods';
import {
  beforeCloseChannel,
  ipcChannel,
  notebookEventChannel,
  readyToCloseChannel,
} from '../shared/apiMethods';
import type { NotebookEvent } from '../shared/notebookEvents';

function invoker<M extends ApiMethodName>(method: M) {
  return (args: ApiArgs<M>) =>
    ipcRenderer.invoke(ipcChannel(method), args) as Promise<ApiResponse<ApiResults[M]>>;
}

const bridge = {
  importFile: invoker('importFile'),
  importText: invoker('importText'),
  listSources: invoker('listSources'),
  listPassageCounts: invoker('listPassageCounts'),
  getSourceSummaries: invoker('getSourceSummaries'),
  getSource: invoker('getSource'),
  getRevisionReport: invoker('getRevisionReport'),
  markPassage: invoker('markPassage'),
  annotatePassage: invoker('annotatePassage'),
  listHighlightColors: invoker('listHighlightColors'),
  setHighlightColorLabel: invoker('setHighlightColorLabel'),
  deletePassage: invoker('deletePassage'),
  reattachPassage: invoker('reattachPassage'),
  reviewPassage: invoker('reviewPassage'),
  diffVersions: invoker('diffVersions'),
  getPassage: invoker('getPassage'),
  listPassages: invoker('listPassages'),
  listNotes: invoker('listNotes'),
  getNote: invoker('getNote'),
  getNoteReferences: invoker('getNoteReferences'),
  createNote: invoker('createNote'),
  saveNote: invoker('saveNote'),
  deleteNote: invoker('deleteNote'),
  restoreNote: invoker('restoreNote'),
  listNoteRevisions: invoker('listNoteRevisions'),
  getNoteRevision: invoker('getNoteRevision'),
  checkpointNote: invoker('checkpointNote'),
  listTrash: invoker('listTrash'),
  editSource: invoker('editSource'),
  deleteSource: invoker('deleteSource'),
  restoreSource: invoker('restoreSource'),
  emptyTrash: invoker('emptyTrash'),
  listCollections: invoker('listCollections'),
  createCollection: invoker('createCollection'),
  renameCollection: invoker('renameCollection'),
  deleteCollection: invoker('deleteCollection'),
  addToCollection: invoker('addToCollection'),
  removeFromCollection: invoker('removeFromCollection'),
  setSourceTags: invoker('setSourceTags'),
  setNoteTags: invoker('setNoteTags'),
  listTags: invoker('listTags'),
  listBackups: invoker('listBackups'),
  backUpNow: invoker('backUpNow'),
  search: invoker('search'),
  cutSnippets: invoker('cutSnippets'),
  importFiles: invoker('importFiles'),
  importUrl: invoker('importUrl'),
  getOriginal: invoker('getOriginal'),
  backupNotebook: invoker('backupNotebook'),
  exportNotes: invoker('exportNotes'),
  exportSources: invoker('exportSources'),
  exportNotebook: invoker('exportNotebook'),
  importNotebook: invoker('importNotebook'),
  checkNotebook: invoker('checkNotebook'),
  notebookStatus: invoker('notebookStatus'),
  rebuildSearchIndex: invoker('rebuildSearchIndex'),
  cancelOperation: invoker('cancelOperation'),
  restoreBackup: invoker('restoreBackup'),
  onNotebookEvent(listener: (event: NotebookEvent) => void): () => void {
    const forward = (_event: Electron.IpcRendererEvent, notebookEvent: NotebookEvent) =>
      listener(notebookEvent);
    ipcRenderer.on(notebookEventChannel, forward);
    return () => ipcRenderer.removeListener(notebookEventChannel, forward);
  },
  onBeforeClose(flush: () => Promise<void>): void {
    ipcRenderer.removeAllListeners(beforeCloseChannel);
    ipcRenderer.on(beforeCloseChannel, () => {
      flush()
        .catch((error: unknown) => console.error('Saving before close failed', error))
        .finally(() => ipcRenderer.send(readyToCloseChannel));
    });
  },
} satisfies DossierBridge;

contextBridge.exposeInMainWorld('dossier', bridge);
