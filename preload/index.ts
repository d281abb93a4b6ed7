import { contextBridge, ipcRenderer } from 'electron';
import { contract } from '../main/common/contract';
import { COMMAND_CHANNEL, COMMAND_ID, IPC_CHANNEL, SAVE_FILES_CHANNEL } from '../main/common/ipc';

// One bridge function per API method; the page never sees ipcRenderer.
const bridge = Object.fromEntries(
  Object.keys(contract).map((name) => [name, (...args: unknown[]) => ipcRenderer.invoke(IPC_CHANNEL, name, args)]),
);
contextBridge.exposeInMainWorld('dossier', bridge);

// Commands chosen in the native menu: only the command id reaches the page, never the IPC event.
contextBridge.exposeInMainWorld('dossierMenu', {
  onCommand(callback: (id: string) => void): () => void {
    const listener = (_event: unknown, id: unknown) => {
      if (typeof id === 'string' && COMMAND_ID.test(id)) callback(id);
    };
    ipcRenderer.on(COMMAND_CHANNEL, listener);
    return () => void ipcRenderer.removeListener(COMMAND_CHANNEL, listener);
  },
});

// Exported notes and backups go through the system's save dialog, shown by the main process.
contextBridge.exposeInMainWorld('dossierFiles', {
  save: (result: unknown) => ipcRenderer.invoke(SAVE_FILES_CHANNEL, result),
});
