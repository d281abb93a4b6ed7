import { contextBridge, ipcRenderer } from 'electron';
import { contract } from '../main/common/contract';
import { IPC_CHANNEL } from '../main/common/ipc';

// One bridge function per API method; the page never sees ipcRenderer.
const bridge = Object.fromEntries(
  Object.keys(contract).map((name) => [name, (...args: unknown[]) => ipcRenderer.invoke(IPC_CHANNEL, name, args)]),
);
contextBridge.exposeInMainWorld('dossier', bridge);
