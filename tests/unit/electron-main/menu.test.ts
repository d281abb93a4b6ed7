import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

// Electron's binary cannot run here; the menu module only needs these names to load.
vi.mock('electron', () => ({ BrowserWindow: {}, Menu: {}, nativeTheme: {} }));
const { menuTemplate } = await import('../../../main/electron-main/menu');

type Item = MenuItemConstructorOptions;
const submenu = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? (item.submenu as Item[]) : []);
const flatten = (items: Item[]): Item[] => items.flatMap((item) => [item, ...flatten(submenu(item))]);
const topLabels = (items: Item[]) => items.map((item) => item.label ?? item.role);

function build(platform: NodeJS.Platform, theme: 'light' | 'dark' | 'system' = 'system', development = false, sidebar = true) {
  const sent: string[] = [];
  const template = menuTemplate({ platform, appName: 'Dossier', theme, sidebar, development, send: (id) => sent.push(id) });
  return { template, items: flatten(template), sent };
}

describe('the application menu', () => {
  it('has File, Edit, View, Go and Help on Windows and Linux, with Alt-letter access', () => {
    expect(topLabels(build('linux').template)).toEqual(['&File', '&Edit', '&View', '&Go', '&Help']);
  });

  it('has the app menu and the Window menu on macOS, and About under the app name', () => {
    const { template } = build('darwin');
    expect(topLabels(template)).toEqual(['Dossier', 'File', 'Edit', 'View', 'Go', 'windowMenu', 'Help']);
    expect(submenu(template[0])[0]?.label).toBe('About Dossier');
    expect(submenu(template.at(-1)).map((i) => i.label)).not.toContain('About Dossier');
  });

  it('sends the window the command of the item chosen', () => {
    const { items, sent } = build('linux');
    const library = items.find((i) => i.label === 'Library');
    (library?.click as () => void)();
    expect(sent).toEqual(['go.library']);
  });

  it('shows each command’s shortcut for the platform, leaving the window to answer it', () => {
    const linux = build('linux').items;
    const mac = build('darwin').items;
    const accelerator = (items: Item[], id: string) => items.find((i) => i.id === id)?.accelerator;
    expect(accelerator(linux, 'palette.open')).toBe('CmdOrCtrl+Shift+P');
    expect(accelerator(linux, 'file.import')).toBe('CmdOrCtrl+O');
    expect(accelerator(linux, 'split.open-beside')).toBe('CmdOrCtrl+\\');
    expect(accelerator(linux, 'go.back')).toBe('Alt+Left');
    expect(accelerator(mac, 'go.back')).toBe('CmdOrCtrl+[');
    // "?" would fire while typing; the menu shows the chord instead.
    expect(accelerator(linux, 'help.shortcuts')).toBe('CmdOrCtrl+/');
    expect(linux.filter((i) => i.accelerator).every((i) => i.registerAccelerator === false)).toBe(true);
  });

  it('checks the theme in use, and the sidebar when it shows', () => {
    const checked = (theme: 'light' | 'dark' | 'system') => build('linux', theme).items.filter((i) => i.type === 'radio' && i.checked).map((i) => i.id);
    expect(checked('dark')).toEqual(['theme.dark']);
    expect(checked('system')).toEqual(['theme.system']);
    const sidebar = (shown: boolean) => build('linux', 'system', false, shown).items.find((i) => i.id === 'view.sidebar');
    expect(sidebar(true)).toMatchObject({ type: 'checkbox', checked: true, accelerator: 'CmdOrCtrl+B' });
    expect(sidebar(false)?.checked).toBe(false);
  });

  it('lists the commands the issue asks for, each in its menu', () => {
    const { template } = build('linux');
    const ids = (label: string) => submenu(template.find((i) => i.label === label)).map((i) => i.id).filter(Boolean);
    expect(ids('&File')).toEqual(['file.import', 'notes.export', 'library.backup', 'library.restore']);
    expect(ids('&View')).toEqual(expect.arrayContaining(['view.sidebar', 'split.open-beside', 'split.swap', 'palette.open']));
    expect(ids('&Go')).toEqual(['search.focus', 'go.library', 'go.notes', 'go.entities', 'go.tags', 'go.suggestions', 'go.back', 'go.forward']);
    expect(ids('&Help')).toEqual(['help.shortcuts', 'help.data', 'help.about']);
  });

  it('offers Reload and the developer tools only in development', () => {
    const roles = (development: boolean) => build('linux', 'system', development).items.map((i) => i.role).filter(Boolean);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).toEqual(expect.arrayContaining(['quit', 'undo', 'copy', 'paste', 'togglefullscreen']));
  });
});
