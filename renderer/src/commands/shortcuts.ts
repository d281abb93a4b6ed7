/**
 * Keyboard shortcuts written once, matched and shown per platform.
 *
 * Notation: modifiers then a key, joined by "+": "Mod+Shift+P", "Alt+ArrowLeft", "?".
 * "Mod" is ⌘ on macOS and Ctrl elsewhere. The key is a `KeyboardEvent.key` value:
 * a letter or digit, a named key (ArrowLeft, Escape, F1…) or a printed symbol ("?", "=", "[").
 *
 * Pure functions, no DOM or React: the native menu (main/electron-main/menu.ts) reads them too.
 */

export type Platform = 'mac' | 'other';

/** One shortcut, or a different one on macOS. */
export type Shortcut = string | { mac: string; other: string };

const MODIFIERS = ['Mod', 'Ctrl', 'Alt', 'Shift', 'Meta'] as const;
type Modifier = (typeof MODIFIERS)[number];

interface Parsed {
  modifiers: Set<Modifier>;
  key: string;
}

/** The fields of a KeyboardEvent a shortcut is matched on. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** The notation of a shortcut on one platform. */
export const forPlatform = (shortcut: Shortcut, platform: Platform): string => (typeof shortcut === 'string' ? shortcut : shortcut[platform]);

/** Splits "Mod+Shift+P" into its modifiers and key ("Mod++" is Mod and the plus key). */
export function parseShortcut(notation: string): Parsed {
  const parts = notation.split(/\+(?!$)/);
  const key = parts.pop() ?? '';
  const modifiers = new Set<Modifier>();
  for (const part of parts) {
    if (!(MODIFIERS as readonly string[]).includes(part)) throw new Error(`shortcuts: "${part}" in "${notation}" is not a modifier (${MODIFIERS.join(', ')})`);
    modifiers.add(part as Modifier);
  }
  if (!key) throw new Error(`shortcuts: "${notation}" has no key`);
  return { modifiers, key };
}

const isLetterOrDigit = (key: string) => /^[A-Za-z0-9]$/.test(key);
/** A printed symbol such as "?" may need Shift on one keyboard layout and not on another. */
const isSymbol = (key: string) => key.length === 1 && !isLetterOrDigit(key);

/** Whether a shortcut has no Ctrl, ⌘ or Alt: a plain key that typing in a text field must not trigger. */
export function isPlainKey(notation: string): boolean {
  const { modifiers } = parseShortcut(notation);
  return !['Mod', 'Ctrl', 'Alt', 'Meta'].some((m) => modifiers.has(m as Modifier));
}

/** Whether a key press is this shortcut on this platform. */
export function matches(press: KeyPress, notation: string, platform: Platform): boolean {
  const { modifiers, key } = parseShortcut(notation);
  const want = {
    ctrl: modifiers.has('Ctrl') || (modifiers.has('Mod') && platform === 'other'),
    meta: modifiers.has('Meta') || (modifiers.has('Mod') && platform === 'mac'),
    alt: modifiers.has('Alt'),
    shift: modifiers.has('Shift'),
  };
  if (press.ctrlKey !== want.ctrl || press.metaKey !== want.meta || press.altKey !== want.alt) return false;
  if (isSymbol(key)) return press.key === key;
  if (press.shiftKey !== want.shift) return false;
  if (isLetterOrDigit(key)) {
    // Alt (Option on macOS) changes the character typed, so letters and digits also match on the physical key.
    const code = /[0-9]/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`;
    return press.key.toUpperCase() === key.toUpperCase() || press.code === code;
  }
  return press.key === key;
}

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Meta: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' };
const MAC_ORDER: Modifier[] = ['Ctrl', 'Alt', 'Shift', 'Mod', 'Meta'];
const OTHER_ORDER: Modifier[] = ['Mod', 'Ctrl', 'Alt', 'Shift', 'Meta'];
const KEY_NAMES: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc', ' ': 'Space' };

/** How a shortcut is written for people: "⇧⌘P" on macOS, "Ctrl+Shift+P" elsewhere. */
export function formatShortcut(notation: string, platform: Platform): string {
  const { modifiers, key } = parseShortcut(notation);
  const keyName = KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  if (platform === 'mac') return [...MAC_ORDER.filter((m) => modifiers.has(m)).map((m) => MAC_SYMBOLS[m]), keyName].join('');
  return [...OTHER_ORDER.filter((m) => modifiers.has(m)).map((m) => (m === 'Mod' ? 'Ctrl' : m)), keyName].join('+');
}

const ACCELERATOR_KEYS: Record<string, string> = { ArrowLeft: 'Left', ArrowRight: 'Right', ArrowUp: 'Up', ArrowDown: 'Down', Escape: 'Esc', '+': 'Plus', ' ': 'Space' };
const ACCELERATOR_MODIFIERS: Record<Modifier, string> = { Mod: 'CmdOrCtrl', Ctrl: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Meta: 'Super' };

/** The same shortcut as an Electron menu accelerator ("CmdOrCtrl+Shift+P"). */
export function toAccelerator(notation: string): string {
  const { modifiers, key } = parseShortcut(notation);
  return [...OTHER_ORDER.filter((m) => modifiers.has(m)).map((m) => ACCELERATOR_MODIFIERS[m]), ACCELERATOR_KEYS[key] ?? key.toUpperCase()].join('+');
}

/** The platform this page runs on, as far as shortcuts care. */
export function currentPlatform(): Platform {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  const name = nav?.userAgentData?.platform ?? nav?.platform ?? '';
  return /mac|iphone|ipad/i.test(name) ? 'mac' : 'other';
}

const ARIA_MODIFIERS: Record<Modifier, string> = { Mod: 'Control', Ctrl: 'Control', Alt: 'Alt', Shift: 'Shift', Meta: 'Meta' };

/** The shortcut in `aria-keyshortcuts` syntax ("Control+Shift+P", "Meta+Shift+P" on macOS). */
export function toAriaKeyShortcut(notation: string, platform: Platform): string {
  const { modifiers, key } = parseShortcut(notation);
  const names = OTHER_ORDER.filter((m) => modifiers.has(m)).map((m) => (m === 'Mod' && platform === 'mac' ? 'Meta' : ARIA_MODIFIERS[m]));
  return [...names, key === ' ' ? 'Space' : key.length === 1 ? key.toUpperCase() : key].join('+');
}
