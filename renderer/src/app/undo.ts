import { useSyncExternalStore } from 'react';

/**
 * The window's one undo stack: every change a person can take back (a
 * deleted highlight, an entity merged or deleted, suggestions accepted, a
 * tag renamed) is pushed here, and the toast and Ctrl/Cmd+Z (UndoLayer)
 * take back the latest.
 */

/** Something that can be taken back, e.g. a deleted highlight. */
export interface Undoable {
  /** What happened, as the toast says it: "Highlight deleted". */
  message: string;
  undo: () => Promise<void>;
}

/** How long the toast offering Undo stays; Ctrl/Cmd+Z works after it is gone too. */
const TOAST_MS = 8000;
const KEPT = 20;

let stack: Undoable[] = [];
let toast: Undoable | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** Records an action that can be undone and shows the toast for it. */
export function pushUndo(entry: Undoable): void {
  stack = [...stack.slice(-(KEPT - 1)), entry];
  showToast(entry);
}

/** Undoes the most recent action; false when there is none. A failure is thrown for the caller to show. */
export async function undoLast(): Promise<boolean> {
  const entry = stack.at(-1);
  if (!entry) return false;
  stack = stack.slice(0, -1);
  if (toast === entry) showToast(null);
  else changed();
  try {
    await entry.undo();
  } catch (error) {
    // Still undoable: a later attempt may succeed (the disk was full, say).
    stack = [...stack, entry];
    changed();
    throw error;
  }
  return true;
}

export const canUndo = (): boolean => stack.length > 0;

export function dismissToast(): void {
  showToast(null);
}

function showToast(entry: Undoable | null): void {
  clearTimeout(timer);
  toast = entry;
  if (entry) timer = setTimeout(() => showToast(null), TOAST_MS);
  changed();
}

/** The action the toast offers to undo, if it is showing. */
export function useUndoToast(): Undoable | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toast,
  );
}
