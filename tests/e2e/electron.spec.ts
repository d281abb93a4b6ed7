import { _electron as electron, test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Electron binary, or why there is none (its download needs hosts these machines cannot reach). */
function electronBinary(): { path: string } | { missing: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return existsSync(path) ? { path } : { missing: `the Electron binary is not at ${path}` };
  } catch (error) {
    return { missing: `the Electron binary was never downloaded (${(error as Error).message.split('\n')[0]})` };
  }
}

const binary = electronBinary();

test('the desktop app opens its window on the seeded library', async () => {
  if ('missing' in binary) {
    const reason = `Electron smoke test SKIPPED: ${binary.missing}. It runs wherever \`npx electron --version\` works.`;
    console.log(reason);
    test.skip(true, reason);
    return;
  }
  const userData = await mkdtemp(join(tmpdir(), 'dossier-electron-'));
  const app = await electron.launch({ executablePath: binary.path, args: ['.', `--user-data-dir=${userData}`, '--no-sandbox'] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Library' })).toBeVisible();
    await expect(window.locator('.library-table tbody tr')).toHaveCount(5);
    // The page sees the API bridge and nothing of Node or Electron.
    const page = await window.evaluate(() => {
      const scope = globalThis as { require?: unknown; process?: unknown; dossier?: Record<string, unknown> };
      return { require: typeof scope.require, process: typeof scope.process, bridge: Object.values(scope.dossier ?? {}).every((f) => typeof f === 'function') };
    });
    expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: true });
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});
