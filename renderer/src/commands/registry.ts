import { useEffect, useSyncExternalStore } from 'react';
import { KEYMAP } from './keymap';
import type { Shortcut } from './shortcuts';

/**
 * Something a person can do from the keyboard, the command palette, the
 * shortcuts sheet and (for ids the native menu lists) the application menu.
 *
 * To add one from a feature, register it while the component that can run it
 * is mounted:
 *
 * ```tsx
 * useCommands(() => [
 *   { id: 'notes.export', title: 'Export notes as Markdown…', group: 'File', run: () => setExportOpen(true) },
 * ], []);
 * ```
 *
 * Give it a shortcut by adding its id to KEYMAP (keymap.ts). Ids the native
 * menu sends are listed in main/electron-main/menu.ts.
 */
export interface Command {
  /** Stable id such as "go.library"; the native menu sends these. */
  id: string;
  /** What the palette and the shortcuts sheet show, as an action: "Go to Library", "Export notes…". */
  title: string;
  /** The heading it is listed under: File, Edit, View, Go, Help, or a feature's name. */
  group: string;
  /** Keyboard shortcuts; default: KEYMAP[id]. */
  shortcuts?: readonly Shortcut[];
  /** More words the palette matches, e.g. ["dark mode", "night"]. */
  keywords?: readonly string[];
  /** Whether it can run now; a disabled command is left out of the palette and its shortcut does nothing. */
  enabled?: () => boolean;
  run: () => void | Promise<void>;
}

/** A registered command with its shortcuts resolved. */
export type RegisteredCommand = Command & { shortcuts: readonly Shortcut[] };

type Listener = () => void;

/**
 * The commands that can run now. An id registered twice (two readers side by
 * side) runs the latest registration; unregistering it brings back the one before.
 */
class CommandRegistry {
  private readonly stacks = new Map<string, RegisteredCommand[]>();
  private readonly listeners = new Set<Listener>();
  private snapshot: RegisteredCommand[] = [];
  private failure: { title: string; message: string } | null = null;

  /** Adds commands; the returned function removes exactly these registrations. */
  register(commands: readonly Command[]): () => void {
    const added = commands.map((command) => ({ ...command, shortcuts: command.shortcuts ?? KEYMAP[command.id] ?? [] }));
    for (const command of added) this.stacks.set(command.id, [...(this.stacks.get(command.id) ?? []), command]);
    this.changed();
    return () => {
      for (const command of added) {
        const rest = (this.stacks.get(command.id) ?? []).filter((c) => c !== command);
        if (rest.length > 0) this.stacks.set(command.id, rest);
        else this.stacks.delete(command.id);
      }
      this.changed();
    };
  }

  /** Every command, in registration order. */
  list = (): RegisteredCommand[] => this.snapshot;

  get(id: string): RegisteredCommand | undefined {
    return this.stacks.get(id)?.at(-1);
  }

  isEnabled(command: Command): boolean {
    return command.enabled?.() ?? true;
  }

  /** Runs a command if it exists and is enabled; a failure is kept for the window to show. Returns whether it ran. */
  run(id: string): boolean {
    const command = this.get(id);
    if (!command || !this.isEnabled(command)) return false;
    const fail = (error: unknown) => this.setFailure({ title: command.title, message: (error as Error)?.message ?? String(error) });
    try {
      void Promise.resolve(command.run()).catch(fail);
    } catch (error) {
      fail(error);
    }
    return true;
  }

  /** The last command that failed, until dismissed. */
  lastFailure = () => this.failure;

  dismissFailure(): void {
    this.setFailure(null);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setFailure(failure: { title: string; message: string } | null): void {
    this.failure = failure;
    for (const listener of this.listeners) listener();
  }

  private changed(): void {
    this.snapshot = [...this.stacks.values()].map((stack) => stack.at(-1) as RegisteredCommand);
    for (const listener of this.listeners) listener();
  }
}

/** The order groups are listed in; a feature's own group comes after these. */
export const GROUP_ORDER = ['File', 'Edit', 'View', 'Go', 'Help'];
const groupRank = (group: string) => {
  const rank = GROUP_ORDER.indexOf(group);
  return rank === -1 ? GROUP_ORDER.length : rank;
};

/** Within a group, commands with a shortcut come in the keymap's order, the others after them as registered. */
const KEYMAP_ORDER = Object.keys(KEYMAP);
const keymapRank = (id: string) => {
  const rank = KEYMAP_ORDER.indexOf(id);
  return rank === -1 ? KEYMAP_ORDER.length : rank;
};

/** Commands grouped File, Edit, View, Go, Help, then the rest by name. */
export const sortCommands = (list: readonly RegisteredCommand[]): RegisteredCommand[] =>
  [...list].sort((a, b) => groupRank(a.group) - groupRank(b.group) || a.group.localeCompare(b.group) || keymapRank(a.id) - keymapRank(b.id));

/** The app's one command registry. */
export const commands = new CommandRegistry();

/**
 * Registers commands while the calling component is mounted, again whenever
 * `deps` change (list what `run` and `enabled` read, as for useEffect).
 */
export function useCommands(make: () => Command[], deps: unknown[]): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => commands.register(make()), deps);
}

/** The registered commands, re-rendering when they change. */
export function useCommandList(): RegisteredCommand[] {
  return useSyncExternalStore(commands.subscribe, commands.list);
}

/** The last failed command, re-rendering when it changes. */
export function useCommandFailure(): { title: string; message: string } | null {
  return useSyncExternalStore(commands.subscribe, commands.lastFailure);
}
