import { BrowserWindow, Menu, nativeTheme, type MenuItemConstructorOptions } from 'electron';
import { sideChannels, type AppSettings, type PayloadOf, type ThemeSetting } from '../common/contract';
import type { Dossier } from '../core/service';
// The window's keymap is plain data, read here so the menu shows the keys the window answers to.
import { KEYMAP } from '../../renderer/src/commands/keymap';
import { forPlatform, isPlainKey, toAccelerator } from '../../renderer/src/commands/shortcuts';

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  theme: ThemeSetting;
  sidebar: boolean;
  /** Development builds get Reload and the developer tools. */
  development: boolean;
  /** Runs a renderer command (see renderer/src/commands/registry.ts) in the focused window. */
  send: (commandId: string) => void;
}

/**
 * The accelerator the menu shows for a command: its first shortcut with a
 * modifier (a plain key such as "?" would fire while typing).
 */
function acceleratorOf(id: string, platform: NodeJS.Platform): string | undefined {
  const side = platform === 'darwin' ? 'mac' : 'other';
  const notation = (KEYMAP[id] ?? []).map((s) => forPlatform(s, side)).find((n) => !isPlainKey(n));
  return notation === undefined ? undefined : toAccelerator(notation);
}

/**
 * The application menu. Items that are app commands send the command's id
 * to the window, which runs it exactly as its shortcut or the palette would;
 * the window handles the shortcut itself, so on Windows and Linux the
 * accelerator is only displayed (on macOS the page sees the key first).
 * Edit, window and quit items are Electron roles.
 */
export function menuTemplate({ platform, appName, theme, sidebar, development, send }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (id: string, label: string): MenuItemConstructorOptions => ({
    id,
    label,
    accelerator: acceleratorOf(id, platform),
    registerAccelerator: false,
    click: () => send(id),
  });
  const themeItem = (value: ThemeSetting, label: string): MenuItemConstructorOptions => ({
    id: `theme.${value}`,
    label,
    type: 'radio',
    checked: theme === value,
    click: () => send(`theme.${value}`),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  // Alt+letter opens a menu on Windows and Linux; macOS has no such keys and would show the "&".
  const title = (label: string) => (mac ? label : `&${label}`);

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [command('help.about', `About ${appName}`), separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  };
  const file: MenuItemConstructorOptions = {
    label: title('File'),
    submenu: [
      command('file.import', 'Import Documents…'),
      command('notes.export', 'Export Notes…'),
      separator,
      command('library.backup', 'Back Up Library…'),
      command('library.restore', 'Restore from Backup…'),
      separator,
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: title('View'),
    submenu: [
      { label: 'Theme', submenu: [themeItem('light', 'Light'), themeItem('dark', 'Dark'), themeItem('system', 'As the System')] },
      { ...command('view.sidebar', 'Sidebar'), type: 'checkbox', checked: sidebar },
      separator,
      command('split.open-beside', 'Open Document Beside…'),
      command('split.swap', 'Swap Documents'),
      separator,
      command('text.larger', 'Larger Text'),
      command('text.smaller', 'Smaller Text'),
      command('text.reset', 'Actual Text Size'),
      separator,
      command('palette.open', 'Command Palette…'),
      separator,
      { role: 'togglefullscreen' },
      ...(development ? [separator, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const go: MenuItemConstructorOptions = {
    label: title('Go'),
    submenu: [
      command('search.focus', 'Search the Library'),
      separator,
      command('go.library', 'Library'),
      command('go.notes', 'Notes'),
      command('go.entities', 'Entities'),
      command('go.tags', 'Tags'),
      command('go.suggestions', 'Suggested Entities'),
      separator,
      command('go.back', 'Back'),
      command('go.forward', 'Forward'),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: title('Help'),
    submenu: [
      command('help.shortcuts', 'Keyboard Shortcuts'),
      command('help.data', 'Where My Data Is'),
      ...(mac ? [] : [separator, command('help.about', `About ${appName}`)]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: title('Edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      command('reader.find', 'Find in Document…'),
      separator,
      // The window's own keys for these are plain letters (H, N, T), which a menu cannot show without taking them from typing.
      command('annotations.highlight', 'Highlight Selection'),
      command('annotations.note', 'Add Note to Selection'),
      command('annotations.tag', 'Tag Selection'),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, go, ...(mac ? [{ role: 'windowMenu' } as const] : []), help];
}

/**
 * Installs the menu and makes the native parts of the window (title bar,
 * menus, dialogs) follow the theme setting, rebuilding the menu when the
 * settings change so its Theme and Sidebar items stay checked correctly.
 */
export async function installMenu(dossier: Dossier, options: Omit<MenuOptions, 'theme' | 'sidebar' | 'send'>): Promise<void> {
  const send = (id: PayloadOf<'menuCommand'>) => (BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0])?.webContents.send(sideChannels.menuCommand.channel, id);
  const apply = ({ theme, sidebar }: AppSettings) => {
    nativeTheme.themeSource = theme;
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ ...options, theme, sidebar, send })));
  };
  apply(await dossier.api.getSettings());
  dossier.events.on('settingsChanged', apply);
}
