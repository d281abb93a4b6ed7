// `npm start`, after the build: the desktop window where Electron's binary exists; where it does not, the
// same app in browser mode on the same data folder, shown in an app window (see window.mjs).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve, join } from 'node:path';
import { createInterface } from 'node:readline';
import { setInterval } from 'node:timers';
import { parseArgs } from 'node:util';
import { electronBinary } from './electron.mjs';
import { chooseWindow } from './window.mjs';

const USAGE = 'Usage: npm start -- [--data DIR] [--port N]\n--data opens another data folder than the desktop app’s; --port is for the browser mode.';
const STOP_SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/** @returns {{ data?: string, port?: string }} */
function options() {
  try {
    const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    return values;
  } catch (error) {
    console.error(`${/** @type {Error} */ (error).message}\n${USAGE}`);
    process.exit(1);
  }
}

/**
 * @param {string} binary
 * @param {string | undefined} data
 */
function startDesktop(binary, data) {
  const args = ['.', ...(data === undefined ? [] : [`--user-data-dir=${resolve(data)}`])];
  const app = spawn(binary, args, { stdio: 'inherit' });
  onStop(() => app.kill('SIGTERM'));
  app.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * Calls `stop` on Ctrl+C, on SIGTERM, when the terminal closes, and when
 * whoever started us is gone: npm hands a signal to the shell that runs this
 * script, and that shell dies without passing it on.
 * @param {() => void} stop
 */
function onStop(stop) {
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), 1000).unref();
}

/** @param {{ data?: string, port?: string }} values */
function startInBrowser(values) {
  const out = process.env['DOSSIER_OUT'] ?? 'out';
  const args = [join(out, 'main', 'web.js'), ...(values.data === undefined ? [] : ['--data', values.data]), ...(values.port === undefined ? [] : ['--port', values.port])];
  // The web server prints what it serves and the URL to open; its errors (a folder in use) are plain lines too.
  const web = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  /** @type {import('node:child_process').ChildProcess | null} */
  let window = null;
  /** @type {string | null} */
  let profile = null;
  let stopping = false;

  /** @param {string} [why] */
  const stop = (why) => {
    if (stopping) return;
    stopping = true;
    window?.kill();
    const done = () => {
      if (profile !== null) rmSync(profile, { recursive: true, force: true });
      if (why) console.log(why);
      console.log('Dossier has stopped.');
      process.exit(web.exitCode ?? 0);
    };
    if (web.exitCode !== null || web.signalCode !== null) return done();
    web.once('exit', done);
    web.kill('SIGTERM');
  };
  onStop(() => stop());

  web.on('exit', (code) => {
    if (stopping) return;
    window?.kill();
    process.exit(code ?? 1);
  });
  createInterface({ input: /** @type {import('node:stream').Readable} */ (web.stdout) }).on('line', (line) => {
    console.log(line);
    const url = /^Open (http:\/\/\S+)$/.exec(line)?.[1];
    if (url === undefined || stopping) return;
    const choice = chooseWindow(url, { platform: process.platform, env: process.env });
    if (choice.kind === 'app') {
      // A profile of its own: the window is a process of ours (not a tab handed to a running Chrome), isolated from the person's browsing.
      profile = mkdtempSync(join(tmpdir(), 'dossier-window-'));
      window = launch(choice.command, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check'], (closed) => {
        if (stopping) return;
        if (closed) stop('The Dossier window was closed.');
        else couldNotOpen(choice.command);
      });
    } else if (choice.kind === 'browser') {
      launch(choice.command, choice.args, (opened) => opened || couldNotOpen(choice.command));
    }
    console.log('Press Ctrl+C to stop Dossier.');
  });
}

/**
 * Starts a program and says, once, whether it ended well (exit code 0).
 * @param {string} command
 * @param {string[]} args
 * @param {(ok: boolean) => void} ended
 */
function launch(command, args, ended) {
  const child = spawn(command, args, { stdio: 'ignore' });
  let told = false;
  /** @param {boolean} ok */
  const tell = (ok) => {
    if (!told) ended(ok);
    told = true;
  };
  child.on('error', () => tell(false));
  child.on('exit', (code) => tell(code === 0));
  return child;
}

/** @param {string} command */
function couldNotOpen(command) {
  console.log(`Could not open a window with ${command}: open the address above in a browser.`);
}

const values = options();
const electron = electronBinary();
if ('path' in electron) {
  startDesktop(electron.path, values.data);
} else {
  const what = electron.missing === 'package' ? 'Electron is not installed' : 'Electron’s binary is not installed';
  console.log(`${what}, so Dossier opens in the browser instead (the desktop window needs it).`);
  startInBrowser(values);
}
