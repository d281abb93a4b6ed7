import { app, BrowserWindow, dialog, ipcMain, type MessageBoxOptions } from 'electron';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { sideChannels, type ReplyOf } from '../common/contract';
import { passageRoute } from '../core/io/export/links';

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
  const plan = await planExportFolder(parent, name, files.map((file) => file.name));
  const folder = plan.ask ? await confirmFolder(plan, window) : plan.folder;
  if (folder === null) return { saved: false, where: '' };
  await mkdir(folder, { recursive: true });
  for (const file of files) await writeFile(join(folder, file.name), file.content, 'utf8');
  return { saved: true, where: folder };
}

/** Where a multi-file export goes: straight into a new or empty folder; into one that has files only once the person says so. */
export type FolderPlan =
  | { ask: false; folder: string }
  | {
      ask: true;
      folder: string;
      /** Files there that the export would overwrite, by name. */
      replaced: string[];
      /** How many other entries there are, left as they are. */
      kept: number;
      /** A free folder beside it: “<name> 2”, “<name> 3”, … */
      alternative: string;
    };

export async function planExportFolder(parent: string, name: string, fileNames: readonly string[]): Promise<FolderPlan> {
  const folder = join(parent, name);
  const existing = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (existing.length === 0) return { ask: false, folder };
  const exported = new Set(fileNames);
  const replaced = existing.filter((entry) => exported.has(entry)).sort();
  let copy = 2;
  while (existsSync(join(parent, `${name} ${copy}`))) copy++;
  return { ask: true, folder, replaced, kept: existing.length - replaced.length, alternative: join(parent, `${name} ${copy}`) };
}

/** The folder the person chose for an export into a folder that has files, or null for Cancel. */
async function confirmFolder(plan: Extract<FolderPlan, { ask: true }>, window: BrowserWindow | undefined): Promise<string | null> {
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const replacing = plan.replaced.length > 0 ? `${count(plan.replaced.length, 'file')} there will be replaced by the exported ones` : 'No file there has the name of an exported one';
  const options: MessageBoxOptions = {
    type: 'warning',
    message: `The folder “${basename(plan.folder)}” in ${dirname(plan.folder)} already has files.`,
    detail: `${replacing}${plan.kept > 0 ? `; ${count(plan.kept, 'other item')} will stay as ${plan.kept === 1 ? 'it is' : 'they are'}` : ''}.`,
    buttons: ['Replace', `Save in “${basename(plan.alternative)}”`, 'Cancel'],
    defaultId: 1,
    cancelId: 2,
    noLink: true,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return [plan.folder, plan.alternative, null][response] ?? null;
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
