import { useEffect } from 'react';
import { menuBridge } from '../api/bridges';
import { commands } from './registry';
import { currentPlatform, forPlatform, isPlainKey, matches } from './shortcuts';

/** Typing here must not trigger plain-key shortcuts such as "?" (a checkbox or a button takes no text). */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"], [type="reset"]), textarea, select');
}

/** Runs the command whose shortcut was pressed; returns whether one ran. */
export function runShortcut(event: KeyboardEvent): boolean {
  const platform = currentPlatform();
  const typing = isEditable(event.target);
  for (const command of commands.list()) {
    for (const shortcut of command.shortcuts) {
      const notation = forPlatform(shortcut, platform);
      if (typing && isPlainKey(notation)) continue;
      if (matches(event, notation, platform) && commands.run(command.id)) return true;
    }
  }
  return false;
}

/**
 * Answers every command's shortcut anywhere in the window, and the commands
 * the native menu sends. While a dialog is open it has the keyboard to itself.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || document.querySelector('dialog[open]')) return;
      if (runShortcut(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    const stopMenu = menuBridge?.onCommand((id) => commands.run(id));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopMenu?.();
    };
  }, []);
}
