import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };

interface BuilderConfig {
  electronVersion: string;
  npmRebuild: boolean;
  afterPack: string;
  files: string[];
}

const config = async (): Promise<BuilderConfig> => parse(await readFile(resolve('electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('`npm run dist` (electron-builder.yml)', () => {
  it('packages the Electron that package.json declares, which stays an optional dependency', async () => {
    expect((await config()).electronVersion).toBe(pkg.optionalDependencies.electron);
    // electron-builder refuses `electron` among the dependencies; it accepts it here.
    expect(Object.keys(pkg.dependencies)).not.toContain('electron');
  });

  it('rebuilds no native module and leaves Electron and the benchmark’s SQLite out of the app', async () => {
    const { npmRebuild, files } = await config();
    expect(npmRebuild).toBe(false);
    expect(files).toEqual(expect.arrayContaining(['!node_modules/electron{,/**/*}', '!node_modules/better-sqlite3{,/**/*}']));
  });

  it('sets the fuses after packing, with the hook in tools/', async () => {
    const { afterPack } = await config();
    expect(afterPack).toBe('tools/after-pack.mjs');
    expect(typeof (await import(resolve(afterPack))).default).toBe('function');
  });
});
