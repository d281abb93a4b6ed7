import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterEach } from 'vitest';
import { BLOCK_READING, type ApiImpl, type Block } from '../../main/common/contract';
import { openDossier, type Dossier, type DossierOptions } from '../../main/core/service';

/** The seed documents the app ships. */
export const SEED_DIR = resolve('resources/seed');

const made: string[] = [];
const opened: Dossier[] = [];
afterEach(async () => {
  // A core may still be writing in the background (folding the library's journal): let it finish before its folder goes.
  await Promise.all(opened.splice(0).map((dossier) => dossier.store.settled()));
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temporary folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-test-'));
  made.push(dir);
  return dir;
}

/** The real core on a data folder (a new temporary one by default), seeded from resources/seed. */
export async function openTestDossier(dataDir?: string, options: Pick<DossierOptions, 'importWorker'> = {}): Promise<Dossier & { dataDir: string }> {
  const dir = dataDir ?? (await tempDir());
  const dossier = await openDossier({ dataDir: dir, seedDir: SEED_DIR, version: '0.0.0-test', ...options });
  opened.push(dossier);
  return Object.assign(dossier, { dataDir: dir });
}

/** Id of the seed document read from `resources/seed/<prefix>…`. */
export async function seedId(dossier: Dossier, prefix: string): Promise<string> {
  const doc = (await dossier.api.listDocuments()).find((d) => d.source.startsWith(prefix));
  if (!doc) throw new Error(`no seed ${prefix}`);
  return doc.id;
}

/**
 * A test's child script as one self-contained file, dependencies included
 * (a child starts in about half the time it takes to resolve them one by
 * one), in a temporary folder of its own that the caller removes.
 */
export async function bundleChild(entry: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-child-'));
  const outfile = join(dir, 'child.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // Some dependencies are CommonJS and call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return outfile;
}

/** Every block of a document, read the way the reader reads them: the opening, then ranges of at most BLOCK_READING.maxRange. */
export async function allBlocks(api: ApiImpl, docId: string): Promise<Block[]> {
  const { blockCount } = await api.openDocument(docId);
  const blocks: Block[] = [];
  for (let from = 0; from < blockCount; from += BLOCK_READING.maxRange) blocks.push(...(await api.getBlocks(docId, from, from + BLOCK_READING.maxRange)));
  return blocks;
}
