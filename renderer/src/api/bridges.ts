import type { Bridges } from '../../../main/common/contract';

declare global {
  /** What the Electron preload gives the page (preload/index.ts); in the browser, none of it. */
  interface Window {
    dossier?: Bridges['dossier'];
    dossierMenu?: Bridges['dossierMenu'];
    dossierFiles?: Bridges['dossierFiles'];
  }
}

/** The desktop app's API bridge, its native menu's commands and its save dialog; each undefined in the browser. */
export const { dossier: callBridge, dossierMenu: menuBridge, dossierFiles: filesBridge } = window;
