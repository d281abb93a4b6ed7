import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseWindow, findExecutable } from '../../../tools/window.mjs';
import { tempDir } from '../helpers';

const URL = 'http://127.0.0.1:5170/?token=abc';
/** A machine on which exactly these programs are installed. */
const having = (...installed: string[]) => (name: string) => installed.find((path) => path === name || path.endsWith(`/${name}`)) ?? null;

describe('how `npm start` shows Dossier without Electron', () => {
  it('in an app window of Chromium or Chrome, whichever is found first', () => {
    expect(chooseWindow(URL, { platform: 'linux', env: {}, find: having('/usr/bin/google-chrome-stable', '/usr/local/bin/chromium') })).toEqual({ kind: 'app', command: '/usr/local/bin/chromium' });
    expect(chooseWindow(URL, { platform: 'linux', env: {}, find: having('/opt/bin/google-chrome') })).toEqual({ kind: 'app', command: '/opt/bin/google-chrome' });
    expect(chooseWindow(URL, { platform: 'linux', env: {}, find: having('/usr/bin/chromium') })).toEqual({ kind: 'app', command: '/usr/bin/chromium' });
  });

  it('otherwise in the system’s default browser', () => {
    expect(chooseWindow(URL, { platform: 'linux', env: {}, find: having('/usr/bin/xdg-open') })).toEqual({ kind: 'browser', command: '/usr/bin/xdg-open', args: [URL] });
    expect(chooseWindow(URL, { platform: 'darwin', env: {}, find: having() })).toEqual({ kind: 'browser', command: 'open', args: [URL] });
    expect(chooseWindow(URL, { platform: 'win32', env: {}, find: having() })).toEqual({ kind: 'browser', command: 'rundll32', args: ['url.dll,FileProtocolHandler', URL] });
  });

  it('otherwise not at all (the URL is printed)', () => {
    expect(chooseWindow(URL, { platform: 'linux', env: {}, find: having() })).toEqual({ kind: 'none' });
  });

  it('as BROWSER says: none opens nothing, a name is the browser to use', () => {
    const find = having('/usr/bin/chromium', '/usr/bin/xdg-open');
    expect(chooseWindow(URL, { platform: 'linux', env: { BROWSER: 'none' }, find })).toEqual({ kind: 'none' });
    expect(chooseWindow(URL, { platform: 'linux', env: { BROWSER: 'firefox' }, find })).toEqual({ kind: 'browser', command: 'firefox', args: [URL] });
  });

  it('finds a program on PATH only where it is an executable file', async () => {
    const dir = await tempDir();
    const [bin, other] = [join(dir, 'bin'), join(dir, 'other')];
    await mkdir(bin);
    await mkdir(join(other, 'chromium'), { recursive: true });
    await writeFile(join(bin, 'chromium'), '#!/bin/sh\n');
    await writeFile(join(bin, 'xdg-open'), 'not executable');
    await chmod(join(bin, 'chromium'), 0o755);
    const env = { PATH: [other, bin].join(':') };
    expect(findExecutable('chromium', env)).toBe(join(bin, 'chromium'));
    expect(findExecutable('xdg-open', env)).toBeNull();
    expect(findExecutable(join(bin, 'chromium'), {})).toBe(join(bin, 'chromium'));
  });
});
