import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name Electron uses for its userData folder; the web mode must agree. */
export const PRODUCT_NAME = 'Dossier';

/**
 * The data folder the desktop app uses (Electron's `userData`), computed
 * without Electron so that `npm run web` opens the same library.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), PRODUCT_NAME);
}
