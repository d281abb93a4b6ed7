import { contextBridge, ipcRenderer } from 'electron';
import type { Bridges } from '../main/common/contract/channels';
import { CALL_CHANNEL, COMMAND_ID, METHOD_NAMES, SIDE_CHANNELS } from '../main/common/contract/names';

// The contract's names only: the schemas (zod) stay out of this sandboxed bundle.
const expose = <K extends keyof Bridges>(key: K, bridge: Bridges[K]) => contextBridge.exposeInMainWorld(key, bridge);
const { menuCommand, saveFiles } = SIDE_CHANNELS;

// One bridge function per API method; the page never sees ipcRenderer.
expose('dossier', Object.fromEntries(METHOD_NAMES.map((name) => [name, (...args: unknown[]) => ipcRenderer.invoke(CALL_CHANNEL, name, args)])) as Bridges['dossier']);

// Commands chosen in the native menu: only the command id reaches the page, never the IPC event.
expose('dossierMenu', {
  onCommand(callback) {
    const listener = (_event: unknown, id: unknown) => {
      if (typeof id === 'string' && COMMAND_ID.test(id)) callback(id);
    };
    ipcRenderer.on(menuCommand.channel, listener);
    return () => void ipcRenderer.removeListener(menuCommand.channel, listener);
  },
});

// Exported notes and backups go through the system's save dialog, shown by the main process.
expose('dossierFiles', { save: (files) => ipcRenderer.invoke(saveFiles.channel, files) });
