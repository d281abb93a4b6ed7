import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { sideChannels, type ReplyOf } from '../common/contract';
import { passageRoute } from '../core/export/links';

/*
 * The desktop side of export and of dossier:// links: the core makes the
 * files, this shows the save dialog and writes them; the operating system
 * hands dossier:// links to the app, this turns them into the window's route.
 */

const { saveFiles } = sideChannels;
type SaveRequest = z.output<typeof saveFiles.payload>;
type SaveReply = ReplyOf<'saveFiles'>;

/** Answers the window's requests to save exported files, from our own page only. */
export function handleSaveRequests(isOurPage: (url: string | undefined) => boolean): void {
  ipcMain.handle(saveFiles.channel, async (event, request: unknown): Promise<SaveReply> => {
    if (!isOurPage(event.senderFrame?.url)) throw new Error('save: request from a page that is not Dossier');
    const parsed = saveFiles.payload.safeParse(request);
    if (!parsed.success) throw new Error(`save: ${parsed.error.issues[0]?.message ?? 'not a list of files'}`);
    const window = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    return save(parsed.data, window);
  });
}

async function save({ name, files }: SaveRequest, window: BrowserWindow | undefined): Promise<SaveReply> {
  const [only] = files;
  if (files.length === 1 && only) {
    const extension = only.name.split('.').pop() ?? '';
    const options = { defaultPath: join(app.getPath('documents'), only.name), filters: [{ name: extension.toUpperCase(), extensions: [extension] }] };
    const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return { saved: false, where: '' };
    await writeFile(chosen.filePath, only.content, 'utf8');
    return { saved: true, where: chosen.filePath };
  }
  // Several files (the whole library as Markdown) go into a new folder inside the one chosen.
  const options = { title: `Choose where to put the folder “${name}”`, buttonLabel: 'Save Here', defaultPath: app.getPath('documents'), properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
  const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const [parent] = chosen.filePaths;
  if (chosen.canceled || !parent) return { saved: false, where: '' };
  const folder = join(parent, name);
  await mkdir(folder, { recursive: true });
  for (const file of files) await writeFile(join(folder, file.name), file.content, 'utf8');
  return { saved: true, where: folder };
}

/**
 * Makes the app the handler of dossier:// links and opens each link it is
 * handed (at launch, from a second launch, or by macOS) in the window, as the
 * route `#/open/…`. Links that are not exactly what Dossier writes are ignored.
 */
export function handlePassageLinks(rendererIndex: string): { fromArgs: (argv: readonly string[]) => void; windowReady: () => void } {
  app.setAsDefaultProtocolClient('dossier');
  // macOS can hand over a link before the window exists.
  let pending: string | null = null;
  const open = (route: string) => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) {
      pending = route;
      return;
    }
    void window.loadFile(rendererIndex, { hash: route });
    if (window.isMinimized()) window.restore();
    window.focus();
  };
  const openLink = (link: string) => {
    const route = passageRoute(link);
    if (route) open(route);
  };
  app.on('open-url', (event, link) => {
    event.preventDefault();
    openLink(link);
  });
  return {
    fromArgs: (argv) => argv.filter((arg) => arg.startsWith('dossier://')).forEach(openLink),
    windowReady: () => {
      if (pending) open(pending);
      pending = null;
    },
  };
}
