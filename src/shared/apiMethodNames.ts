/**
 * The contract's method names as a plain list, for code that must not bundle
 * the argument schemas (the sandboxed preload, the renderer's client).
 * `api.ts` checks at compile time that this list and the contract agree.
 */
export const apiMethodNames = [
  'importFile',
  'importText',
  'listSources',
  'getSource',
  'markPassage',
  'deletePassage',
  'getPassage',
  'listNotes',
  'getNote',
  'createNote',
  'saveNote',
  'deleteNote',
  'restoreNote',
  'setSourceTags',
  'setNoteTags',
  'listTags',
  'search',
] as const;

export type ApiMethodName = (typeof apiMethodNames)[number];

/** IPC channel of a contract method; shared by main and preload. */
export function ipcChannel(method: string): string {
  return `dossier:${method}`;
}

/** Main asks the renderer to flush pending saves on this channel before the window closes. */
export const beforeCloseChannel = 'dossier-window:before-close';
/** The renderer answers on this channel once its saves are done. */
export const readyToCloseChannel = 'dossier-window:ready-to-close';
