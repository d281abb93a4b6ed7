// After `npm install`: fetches Electron's binary, which npm is told not to (its own script fails the whole
// install where GitHub cannot be reached). Whatever happens, the install succeeds; a missing binary is one line.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { WITHOUT_ELECTRON, electronBinary, electronPackageDir } from './electron.mjs';

/** Long enough for the download on a slow line; bounded, so that an install never hangs on a network that drops packets. */
const DOWNLOAD_TIMEOUT_MS = 2 * 60 * 1000;

/**
 * Runs Electron's own download script and says why it failed, or null when it did not.
 * @returns {Promise<string | null>}
 */
function download() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(electronPackageDir(), 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], timeout: DOWNLOAD_TIMEOUT_MS });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('error', (error) => resolve(error.message));
    child.on('exit', (code, signal) => {
      if (signal !== null) return resolve(`no answer within ${DOWNLOAD_TIMEOUT_MS / 60_000} minutes`);
      // Its errors come with a stack trace: the first line's message is the reason.
      resolve(code === 0 ? null : (/^\w*Error: (.+)$/m.exec(errors)?.[1] ?? `its download script ended with code ${code}`));
    });
  });
}

/** The one line to print, or null when the binary is there. */
async function report() {
  const found = electronBinary();
  if (!('missing' in found)) return null;
  if (found.missing === 'package') return `Electron is not installed (npm left out the optional package). ${WITHOUT_ELECTRON}`;
  const failure = await download();
  if (!('missing' in electronBinary())) return null;
  return `Electron’s binary could not be downloaded (${failure ?? 'the download left no binary'}). ${WITHOUT_ELECTRON}`;
}

// The install goes on whatever happens here: Dossier runs in the browser without the binary.
const line = await report().catch((/** @type {Error} */ error) => `Electron’s binary could not be set up (${error.message}). ${WITHOUT_ELECTRON}`);
if (line !== null) console.log(line);
