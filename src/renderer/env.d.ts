import type { DossierBridge } from '../shared/api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    dossier?: DossierBridge;
  }
}
