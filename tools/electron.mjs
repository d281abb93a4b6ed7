// Where Electron's binary is, for `npm install` (tools/postinstall.mjs) and `npm start` (tools/start.mjs).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

/** What a missing binary means, said the same way by the install and the start. */
export const WITHOUT_ELECTRON = 'The desktop window needs it; `npm start` will open Dossier in the browser instead.';

/**
 * The path of Electron's binary, or why there is none: its package is not
 * installed (an npm that drops an optional dependency whose install failed)
 * or its binary was never downloaded.
 * @returns {{ path: string } | { missing: 'package' | 'binary' }}
 */
export function electronBinary() {
  try {
    require.resolve('electron/package.json');
  } catch {
    return { missing: 'package' };
  }
  try {
    // The package's main module is the binary's path; it throws when the download never happened.
    const path = /** @type {string} */ (require('electron'));
    return existsSync(path) ? { path } : { missing: 'binary' };
  } catch {
    return { missing: 'binary' };
  }
}

/** The folder of Electron's package (it must be installed). */
export const electronPackageDir = () => dirname(require.resolve('electron/package.json'));
