import { describe, expect, it } from 'vitest';
import { KEYMAP } from '../../../../renderer/src/commands/keymap';
import {
  forPlatform,
  formatShortcut,
  isPlainKey,
  matches,
  parseShortcut,
  toAccelerator,
  toAriaKeyShortcut,
  type KeyPress,
  type Platform,
} from '../../../../renderer/src/commands/shortcuts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...extra,
});

describe('keyboard shortcuts', () => {
  it('answer to Ctrl on Windows and Linux and to ⌘ on macOS for "Mod"', () => {
    expect(matches(press('P', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+P', 'other')).toBe(true);
    expect(matches(press('P', { metaKey: true, shiftKey: true }), 'Mod+Shift+P', 'mac')).toBe(true);
    expect(matches(press('P', { metaKey: true, shiftKey: true }), 'Mod+Shift+P', 'other')).toBe(false);
    expect(matches(press('p', { ctrlKey: true }), 'Mod+Shift+P', 'other')).toBe(false);
  });

  it('match letters on the physical key when Option changes the character typed', () => {
    expect(matches(press('π', { code: 'KeyP', altKey: true }), 'Alt+P', 'mac')).toBe(true);
    expect(matches(press('¡', { code: 'Digit1', metaKey: true }), 'Mod+1', 'mac')).toBe(true);
  });

  it('match a symbol whatever Shift it took to type it', () => {
    expect(matches(press('?', { shiftKey: true }), '?', 'other')).toBe(true);
    expect(matches(press('?'), '?', 'other')).toBe(true);
    expect(matches(press('?', { ctrlKey: true, shiftKey: true }), '?', 'other')).toBe(false);
    expect(matches(press('+', { ctrlKey: true, shiftKey: true }), 'Mod+=', 'other')).toBe(false);
  });

  it('tell plain keys, which typing must not trigger, from chords', () => {
    expect(isPlainKey('?')).toBe(true);
    expect(isPlainKey('Shift+?')).toBe(true);
    expect(isPlainKey('Mod+/')).toBe(false);
    expect(isPlainKey('Alt+ArrowLeft')).toBe(false);
  });

  it.each<[string, Platform, string]>([
    ['Mod+Shift+P', 'mac', '⇧⌘P'],
    ['Mod+Shift+P', 'other', 'Ctrl+Shift+P'],
    ['Alt+ArrowLeft', 'other', 'Alt+←'],
    ['Mod+[', 'mac', '⌘['],
    ['?', 'other', '?'],
  ])('are written for people: %s on %s is %s', (notation, platform, shown) => {
    expect(formatShortcut(notation, platform)).toBe(shown);
  });

  it('become Electron accelerators and aria-keyshortcuts', () => {
    expect(toAccelerator('Mod+Shift+P')).toBe('CmdOrCtrl+Shift+P');
    expect(toAccelerator('Alt+ArrowRight')).toBe('Alt+Right');
    expect(toAccelerator('Mod+=')).toBe('CmdOrCtrl+=');
    expect(toAriaKeyShortcut('Mod+Shift+P', 'mac')).toBe('Meta+Shift+P');
    expect(toAriaKeyShortcut('Mod+Shift+P', 'other')).toBe('Control+Shift+P');
  });

  it('refuse a notation with an unknown modifier, naming it', () => {
    expect(() => parseShortcut('Cmd+P')).toThrow(/"Cmd" in "Cmd\+P" is not a modifier/);
    expect(parseShortcut('Mod++').key).toBe('+');
  });

  it('in the keymap are valid, and no two commands share one on the same platform', () => {
    for (const platform of ['mac', 'other'] as const) {
      const seen = new Map<string, string>();
      for (const [id, shortcuts] of Object.entries(KEYMAP)) {
        for (const shortcut of shortcuts) {
          const notation = forPlatform(shortcut, platform);
          const { modifiers, key } = parseShortcut(notation);
          const canonical = [...modifiers].sort().join('+') + '+' + key.toLowerCase();
          expect(seen.get(canonical), `${id} and ${seen.get(canonical)} both use ${notation} on ${platform}`).toBeUndefined();
          seen.set(canonical, id);
        }
      }
    }
  });
});
