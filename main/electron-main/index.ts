import { app, BrowserWindow, ipcMain, session, shell, dialog } from 'electron';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openDossier } from '../core/service';
import { createDispatcher } from '../core/dispatch';
import { IPC_CHANNEL } from '../common/ipc';

/**
 * The Electron shell: one secure window wired to the core over IPC. All
 * logic lives in ../core, which runs in plain Node too (`npm run web`).
 */
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const resources = app.isPackaged ? process.resourcesPath : here('../../resources');
const rendererIndex = here('../renderer/index.html');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Dossier could not start', (error as Error).message);
    app.quit();
  });
  app.on('window-all-closed', () => app.quit());
}

async function start(): Promise<void> {
  const dossier = await openDossier({ dataDir: app.getPath('userData'), seedDir: join(resources, 'seed'), version: app.getVersion() });
  const dispatch = createDispatcher(dossier.api);
  ipcMain.handle(IPC_CHANNEL, (event, name: unknown, args: unknown) => {
    if (!isOurPage(event.senderFrame?.url)) return { ok: false, error: { code: 'unauthorized', message: 'ipc: call from a page that is not Dossier' } };
    return dispatch(name, args);
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  createWindow();
}

function isOurPage(url: string | undefined): boolean {
  return url !== undefined && url.startsWith('file://') && fileURLToPath(url.split('#')[0] ?? '') === rendererIndex;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 640,
    minHeight: 480,
    title: 'Dossier',
    show: false,
    webPreferences: {
      preload: here('../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOurPage(url)) {
      event.preventDefault();
      openExternal(url);
    }
  });
  void window.loadFile(rendererIndex);
  return window;
}

/** Only web links leave the app, and only in the user's browser. */
function openExternal(url: string): void {
  if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
}
