import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';
import type { FileSpec, Store, Versioned } from '../core/store/store';

/** Where and how big the window was, in window-state.json in the data folder. */
interface WindowStateData extends Versioned {
  /** The window's normal (not maximised) bounds. */
  bounds: Rectangle | null;
  maximized: boolean;
}

const Bounds = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

const WINDOW_STATE: FileSpec<WindowStateData> = {
  name: 'window-state.json',
  schema: 1,
  shape: z.object({ schema: z.number(), bounds: Bounds.nullable(), maximized: z.boolean() }),
  defaults: () => ({ schema: 1, bounds: null, maximized: false }),
};

export const DEFAULT_SIZE = { width: 1280, height: 860 };
export const MIN_SIZE = { width: 640, height: 480 };
/** How much of the window's top must be on a screen for it to be found and dragged. */
const MIN_VISIBLE = { width: 120, height: 40 };
const SAVE_DELAY_MS = 400;

/** Where a new window goes: x/y are left out (Electron centres it) when there is no usable saved place. */
export type WindowPlacement = { width: number; height: number; x?: number; y?: number };

const overlap = (a: Rectangle, b: Rectangle) => ({
  width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
  height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
});

const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The saved bounds, fitted to the screens there are now: no larger than the
 * screen the window was mostly on, and back in the middle of the main screen
 * if its title bar would no longer be on any screen (a monitor was unplugged).
 */
export function fitBounds(saved: Rectangle | null, workAreas: Rectangle[]): WindowPlacement {
  if (!saved || ![saved.x, saved.y, saved.width, saved.height].every(isNumber)) return { ...DEFAULT_SIZE };
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: MIN_VISIBLE.height };
  const home = workAreas
    .map((area) => ({ area, shared: overlap(titleBar, area) }))
    .filter(({ shared }) => shared.width >= Math.min(MIN_VISIBLE.width, saved.width) && shared.height >= MIN_VISIBLE.height / 2)
    .sort((a, b) => b.shared.width * b.shared.height - a.shared.width * a.shared.height)[0]?.area;
  const screen = home ?? workAreas[0];
  const size = {
    width: Math.max(MIN_SIZE.width, Math.min(Math.round(saved.width), screen?.width ?? saved.width)),
    height: Math.max(MIN_SIZE.height, Math.min(Math.round(saved.height), screen?.height ?? saved.height)),
  };
  return home ? { ...size, x: Math.round(saved.x), y: Math.round(saved.y) } : size;
}

/** The window's place from last time, and a way to keep recording it. */
export interface WindowState {
  placement: WindowPlacement;
  maximized: boolean;
  /** Saves the window's bounds whenever it is moved, resized, maximised or closed. */
  track(window: BrowserWindow): void;
}

/** Reads window-state.json (through the core's store: atomic writes, damaged files moved aside). */
export async function loadWindowState(store: Store, workAreas: Rectangle[]): Promise<WindowState> {
  const file = await store.file(WINDOW_STATE);
  const saved = file.data;
  return {
    placement: fitBounds(saved.bounds, workAreas),
    maximized: saved.maximized === true,
    track(window) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const save = () => {
        clearTimeout(timer);
        if (window.isDestroyed()) return;
        const state = { schema: WINDOW_STATE.schema, bounds: window.getNormalBounds(), maximized: window.isMaximized() };
        // Losing the window's place is not worth an error dialog.
        file.update((data) => Object.assign(data, state)).catch((error: unknown) => console.warn((error as Error).message));
      };
      const later = () => {
        clearTimeout(timer);
        timer = setTimeout(save, SAVE_DELAY_MS);
      };
      window.on('resize', later);
      window.on('move', later);
      window.on('maximize', save);
      window.on('unmaximize', save);
      window.on('close', save);
    },
  };
}
