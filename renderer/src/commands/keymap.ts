import { currentPlatform, forPlatform, formatShortcut, type Platform, type Shortcut } from './shortcuts';

/**
 * Every keyboard shortcut of the app in one table, by command id, so that
 * clashes show and the native menu (main/electron-main/menu.ts) displays
 * the same keys the window answers to. The first shortcut of a command is
 * the one shown in the menu and the palette; the others are alternatives.
 *
 * To give your command a shortcut, add its id here; `useCommands`
 * picks it up. No DOM and no React here: the native menu reads this file too.
 */
export const KEYMAP: Readonly<Record<string, readonly Shortcut[]>> = {
  'palette.open': ['Mod+Shift+P'],
  'search.focus': ['Mod+K'],
  'help.shortcuts': ['Mod+/', '?'],
  'go.library': [{ mac: 'Mod+1', other: 'Alt+1' }],
  'go.notes': [{ mac: 'Mod+2', other: 'Alt+2' }],
  'go.entities': [{ mac: 'Mod+3', other: 'Alt+3' }],
  'go.tags': [{ mac: 'Mod+4', other: 'Alt+4' }],
  'view.sidebar': ['Mod+B'],
  'split.open-beside': ['Mod+\\'],
  'reader.find': ['Mod+F'],
  'go.back': [{ mac: 'Mod+[', other: 'Alt+ArrowLeft' }],
  'go.forward': [{ mac: 'Mod+]', other: 'Alt+ArrowRight' }],
  'text.larger': ['Mod+='],
  'text.smaller': ['Mod+-'],
  'text.reset': ['Mod+0'],
  'file.import': ['Mod+O'],
  'notes.export': ['Mod+E'],
  'annotations.highlight': ['H'],
  'annotations.note': ['N'],
  'annotations.tag': ['T'],
  'selection.entity.tag': ['E'],
  'annotations.previous-mark': ['['],
  'annotations.next-mark': [']'],
  'reader.focus-text': ['F6'],
  'edit.undo': ['Mod+Z'],
  'library.select-all': ['Mod+A'],
  'library.clear-selection': ['Escape'],
  'library.delete-selected': [{ mac: 'Mod+Backspace', other: 'Delete' }],
};

/** A command's main shortcut as people read it on this platform ("Ctrl+O", "⌘O"), for hints in the window; null if it has none. */
export function shortcutLabel(id: string, platform: Platform = currentPlatform()): string | null {
  const first = KEYMAP[id]?.[0];
  return first === undefined ? null : formatShortcut(forPlatform(first, platform), platform);
}
