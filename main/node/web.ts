import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { openDossier } from '../core/service';
import { createDispatcher } from '../core/dispatch';
import { defaultDataDir } from './paths';
import { startWebServer } from './server';
import { lockDataDir } from './lock';

/** Where the built renderer and the shipped seed documents are, relative to this bundle (out/main/web.js). */
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('Usage: npm run web -- [--data DIR] [--port N]\nServes Dossier on 127.0.0.1 and prints the URL to open.');
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  const dataDir = resolve(values.data ?? defaultDataDir());
  // One Dossier per data folder: a second one (web or desktop) would write over the first one's saves.
  const lock = await lockDataDir(dataDir, 'web');
  process.on('exit', () => lock.release());
  const dossier = await openDossier({ dataDir, seedDir: here('../../resources/seed'), version: pkg.version });
  const server = await startWebServer({ dispatch: createDispatcher(dossier.api), staticDir: here('../renderer'), port });
  const stop = (): void => void server.close().then(() => process.exit(0));
  // Before the URL is printed: whoever reads it may stop us at once, and must not find the folder still locked.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const notice of dossier.store.notices) console.warn(notice.message);
  console.log(`Dossier is serving ${dataDir}\nOpen ${server.url}`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
