import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserWindow, Rectangle } from 'electron';
import { Store } from '../../../main/core/store/store';
import { DEFAULT_SIZE, fitBounds, loadWindowState, MIN_SIZE } from '../../../main/electron-main/window-state';
import { tempDir } from '../helpers';

const LAPTOP: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
const MONITOR: Rectangle = { x: 1440, y: 0, width: 2560, height: 1415 };

/** Just enough of a BrowserWindow: its events and bounds. */
class FakeWindow extends EventEmitter {
  constructor(public bounds: Rectangle, public maximized = false) {
    super();
  }
  isDestroyed = () => false;
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

describe('the window’s place', () => {
  it('is the default size, centred, the first time', () => {
    expect(fitBounds(null, [LAPTOP])).toEqual(DEFAULT_SIZE);
  });

  it('comes back where it was when that screen is still there', () => {
    const saved = { x: 1600, y: 80, width: 1400, height: 1000 };
    expect(fitBounds(saved, [LAPTOP, MONITOR])).toEqual(saved);
  });

  it('is centred on the main screen, no larger than it, when its screen was unplugged', () => {
    expect(fitBounds({ x: 1600, y: 80, width: 2400, height: 1300 }, [LAPTOP])).toEqual({ width: 1440, height: 875 });
  });

  it('never shrinks below the smallest usable size', () => {
    expect(fitBounds({ x: 10, y: 10, width: 100, height: 50 }, [LAPTOP])).toEqual({ x: 10, y: 10, ...MIN_SIZE });
  });

  it('is saved when the window moves and read back at the next start', async () => {
    const dir = await tempDir();
    const first = await loadWindowState(await Store.open(dir), [LAPTOP, MONITOR]);
    const window = new FakeWindow({ x: 1500, y: 40, width: 1200, height: 900 });
    first.track(window as unknown as BrowserWindow);
    window.emit('move');
    await settle();
    expect(JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8'))).toMatchObject({ bounds: window.bounds, maximized: false });

    window.maximized = true;
    window.emit('maximize');
    await settle();
    const next = await loadWindowState(await Store.open(dir), [LAPTOP, MONITOR]);
    expect(next).toMatchObject({ placement: { x: 1500, y: 40, width: 1200, height: 900 }, maximized: true });
  });
});
