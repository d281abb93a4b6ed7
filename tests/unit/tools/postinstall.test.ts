import { execFile } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

/*
 * `npm install` runs tools/postinstall.mjs. Here it runs in a project of its
 * own, with a stand-in for Electron's package whose download script does
 * what the real one does on success and on failure (the real one needs
 * GitHub, and would write into the shared node_modules). `.ci/run` runs the
 * real one, through `npm install`.
 */
const run = promisify(execFile);
const TAIL = 'The desktop window needs it; `npm start` will open Dossier in the browser instead.';

/** A project with the install script and, unless `download` is null, an Electron package whose install.js is `download`. */
async function project(download: string | null): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, 'tools'));
  for (const file of ['postinstall.mjs', 'electron.mjs']) await copyFile(resolve('tools', file), join(root, 'tools', file));
  if (download !== null) {
    const electron = join(root, 'node_modules', 'electron');
    await mkdir(electron, { recursive: true });
    await writeFile(join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '39.5.0', main: 'index.js' }));
    // The real package's main module: the binary's path, or an error when it was never downloaded.
    await copyFile(resolve('node_modules/electron/index.js'), join(electron, 'index.js'));
    await writeFile(join(electron, 'install.js'), download);
  }
  return root;
}

async function postinstall(root: string): Promise<{ lines: string[] }> {
  const { stdout, stderr } = await run(process.execPath, [join(root, 'tools', 'postinstall.mjs')], { env: { ...process.env, NODE_PATH: '' } });
  return { lines: `${stdout}${stderr}`.split('\n').filter(Boolean) };
}

const SUCCEEDS = `
const { mkdirSync, writeFileSync } = require('node:fs');
mkdirSync(__dirname + '/dist');
writeFileSync(__dirname + '/dist/electron', '');
writeFileSync(__dirname + '/path.txt', 'electron');
`;
const FAILS = `
const error = new Error('getaddrinfo ENOTFOUND github.com');
error.name = 'RequestError';
console.error(error.stack);
process.exit(1);
`;

describe('`npm install` and Electron’s binary', () => {
  it('says nothing when the download works', async () => {
    const root = await project(SUCCEEDS);
    expect(await postinstall(root)).toEqual({ lines: [] });
    expect(existsSync(join(root, 'node_modules/electron/dist/electron'))).toBe(true);
  });

  it('says in one line why the download failed and what that means, and the install goes on', async () => {
    expect(await postinstall(await project(FAILS))).toEqual({ lines: [`Electron’s binary could not be downloaded (getaddrinfo ENOTFOUND github.com). ${TAIL}`] });
  });

  it('says the same where npm left Electron’s package out', async () => {
    expect(await postinstall(await project(null))).toEqual({ lines: [`Electron is not installed (npm left out the optional package). ${TAIL}`] });
  });
});
