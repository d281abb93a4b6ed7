// How `npm start` shows Dossier when Electron's binary is missing: an app window of Chromium or Chrome,
// else the system's default browser, else only the printed URL.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Chromium's and Chrome's names on PATH, then where Debian puts Chromium. */
const APP_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', '/usr/bin/chromium'];

/**
 * @typedef {{ kind: 'none' }
 *   | { kind: 'app', command: string }
 *   | { kind: 'browser', command: string, args: string[] }} WindowChoice
 */

/**
 * What to open the URL with. `BROWSER=none` opens nothing (tests, headless
 * machines), as with create-react-app and other tools; any other BROWSER
 * names the browser to use.
 * @param {string} url
 * @param {{ platform: NodeJS.Platform, env: NodeJS.ProcessEnv, find?: (name: string) => string | null }} where
 * @returns {WindowChoice}
 */
export function chooseWindow(url, { platform, env, find = (name) => findExecutable(name, env) }) {
  const browser = env['BROWSER'];
  if (browser === 'none') return { kind: 'none' };
  if (browser) return { kind: 'browser', command: browser, args: [url] };
  for (const name of APP_BROWSERS) {
    const command = find(name);
    if (command !== null) return { kind: 'app', command };
  }
  if (platform === 'darwin') return { kind: 'browser', command: 'open', args: [url] };
  // Windows' own way to hand an address to the default browser, without cmd's quoting rules.
  if (platform === 'win32') return { kind: 'browser', command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  const opener = find('xdg-open');
  return opener === null ? { kind: 'none' } : { kind: 'browser', command: opener, args: [url] };
}

/**
 * The path of an executable: a path as given, a name looked up on PATH.
 * @param {string} name
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
export function findExecutable(name, env) {
  const candidates = name.includes('/') ? [name] : (env['PATH'] ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not there, or not executable: try the next.
    }
  }
  return null;
}
