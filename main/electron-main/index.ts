import { app, BrowserWindow, ipcMain, session, shell, dialog, nativeTheme, screen, type WebContents } from 'electron';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openDossier } from '../core/service';
import { createDispatcher } from '../core/dispatch';
import { CALL_CHANNEL } from '../common/contract';
import { lockDataDir } from '../node/lock';
import { externalLink, isOurPage, permits } from './policy';
import { installMenu } from './menu';
import { handlePassageLinks, handleSaveRequests } from './files';
import { loadWindowState, type WindowPlacement } from './window-state';

/**
 * The Electron shell: one secure window wired to the core over IPC. All
 * logic lives in ../core, which runs in plain Node too (`npm run web`).
 */
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const resources = app.isPackaged ? process.resourcesPath : here('../../resources');
const rendererIndex = here('../renderer/index.html');
const links = handlePassageLinks(rendererIndex);

// Every renderer is sandboxed, whatever window or frame it belongs to.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    links.fromArgs(argv);
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Dossier could not start', (error as Error).message);
    app.quit();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('web-contents-created', (_event, contents) => confine(contents));
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  // The same folder lock as `npm run web`: the two never write one data folder at once.
  const lock = await lockDataDir(dataDir, 'desktop');
  app.on('will-quit', () => lock.release());
  const dossier = await openDossier({ dataDir, seedDir: join(resources, 'seed'), version: app.getVersion() });
  const dispatch = createDispatcher(dossier.api);
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, args: unknown) => {
    if (!isOurPage(event.senderFrame?.url, rendererIndex)) return { ok: false, error: { code: 'unauthorized', message: 'ipc: call from a page that is not Dossier' } };
    return dispatch(name, args);
  });
  handleSaveRequests((url) => isOurPage(url, rendererIndex));
  // No camera, microphone, notifications, geolocation, …: only copying to the clipboard, and only from our page.
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => callback(permits(permission, contents.getURL(), rendererIndex)));
  session.defaultSession.setPermissionCheckHandler((contents, permission) => permits(permission, contents?.getURL(), rendererIndex));
  const windowState = await loadWindowState(dossier.store, screen.getAllDisplays().map((display) => display.workArea));
  await installMenu(dossier, { platform: process.platform, appName: app.name, development: !app.isPackaged });
  const window = createWindow(windowState.placement);
  if (windowState.maximized) window.maximize();
  windowState.track(window);
  links.windowReady();
  links.fromArgs(process.argv);
}

function createWindow(placement: WindowPlacement): BrowserWindow {
  const window = new BrowserWindow({
    ...placement,
    // The page's own background (styles.css --bg), so the window does not flash white in the dark theme.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181c' : '#f7f5f0',
    minWidth: 640,
    minHeight: 480,
    title: 'Dossier',
    show: false,
    // The page is a sandboxed web page with no Node and no Electron; it reaches the core only through the preload's API bridge.
    webPreferences: {
      preload: here('../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would open a link in a new Electron window instead of going through the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      // The spellchecker downloads its dictionaries from Google's servers: nothing leaves the machine.
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererIndex);
  return window;
}

/**
 * Keeps every web page (window, frame) on Dossier's own page: no new
 * windows, no navigation elsewhere, no <webview>. A web link the user
 * clicks opens in their browser; no script of ours opens one, and no other
 * script can run in the page (CSP, text-only rendering).
 */
function confine(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isOurPage(event.url, rendererIndex)) return;
    event.preventDefault();
    openInBrowser(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isOurPage(event.url, rendererIndex)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Only http(s) links leave the app, and only in the user's browser. */
function openInBrowser(url: string): void {
  const link = externalLink(url);
  if (link !== null) void shell.openExternal(link);
}
