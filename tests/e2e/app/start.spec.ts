import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { electronBinary } from '../../../tools/electron.mjs';
import { expect, test } from '../fixtures';

/*
 * `npm start` as a newcomer runs it, on a machine without Electron's binary:
 * the real script (build included), BROWSER=none as on any headless machine,
 * a temporary data folder instead of the desktop app's.
 */

interface Started {
  npm: ChildProcess;
  lines: string[];
  /** The first line that matches, once it is printed. */
  line(pattern: RegExp): Promise<string>;
  /** When every process it started has let go of its output, and npm has exited. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function npmStart(dataDir: string): Started {
  // A process group of its own, as a terminal gives a command: Ctrl+C signals the whole group.
  const npm = spawn('npm', ['start', '--', '--data', dataDir], { detached: true, env: { ...process.env, BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiting = new Set<() => void>();
  let open = 2;
  let closed: () => void = () => undefined;
  const allClosed = new Promise<void>((resolve) => (closed = resolve));
  for (const stream of [npm.stdout, npm.stderr]) {
    const reader = createInterface({ input: stream! });
    reader.on('line', (line) => {
      lines.push(line);
      waiting.forEach((check) => check());
    });
    reader.on('close', () => --open === 0 && closed());
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => npm.once('exit', (code, signal) => resolve({ code, signal })));
  const line = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find((l) => pattern.test(l));
        if (found !== undefined) {
          waiting.delete(check);
          resolve(found);
        }
      };
      waiting.add(check);
      check();
      void allClosed.then(() => reject(new Error(`npm start ended without printing ${pattern}:\n${lines.join('\n')}`)));
    });
  return { npm, lines, line, ended: Promise.all([exited, allClosed]).then(([exit]) => exit) };
}

/** Whether the server still answers at `url`. */
const answers = (url: string): Promise<boolean> => fetch(url).then(() => true, () => false);

const FALLBACK = /^Electron’s binary is not installed, so Dossier opens in the browser instead \(the desktop window needs it\)\.$/;

test.describe('`npm start` without Electron’s binary', () => {
  const skipped = 'path' in electronBinary() ? '`npm start` fallback SKIPPED: Electron’s binary is installed here, so it opens the desktop window (tests/e2e/electron.spec.ts).' : null;
  if (skipped) console.log(skipped);
  test.skip(skipped !== null, skipped ?? '');
  test.setTimeout(180_000);

  let dataDir = '';
  let started: Started | null = null;
  const npmStartOn = (dir: string) => (started = npmStart(dir));
  test.beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dossier-e2e-start-'));
  });
  test.afterEach(async () => {
    // A test that failed half-way must not leave a server behind.
    try {
      process.kill(-(started?.npm.pid ?? 0), 'SIGKILL');
    } catch {
      // The group has ended.
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  test('says so in one line, serves the app at the URL it prints, and Ctrl+C stops it and frees the data folder', async ({ page }) => {
    const start = npmStartOn(dataDir);
    await start.line(FALLBACK);
    const url = (await start.line(/^Open http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+$/)).slice('Open '.length);
    const from = start.lines.findIndex((l) => FALLBACK.test(l));
    expect(start.lines.slice(from, from + 3)).toEqual([start.lines[from], `Dossier is serving ${dataDir}`, `Open ${url}`]);
    expect(existsSync(join(dataDir, 'dossier.lock'))).toBe(true);

    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    await expect(page.locator('.library-table tbody tr')).toHaveCount(5);

    process.kill(-(start.npm.pid ?? 0), 'SIGINT');
    const exit = await start.ended;
    expect(start.lines.at(-1)).toBe('Dossier has stopped.');
    expect(start.lines.filter((l) => /^\s+at /.test(l)), 'a stack trace').toEqual([]);
    expect(existsSync(join(dataDir, 'dossier.lock'))).toBe(false);
    expect(await answers(url)).toBe(false);
    // npm ends as its shell did: Debian's sh dies of the Ctrl+C itself (exit by SIGINT), others exit 0 after Dossier did.
    expect(exit.code === 0 || exit.signal === 'SIGINT', JSON.stringify(exit)).toBe(true);
  });

  test('stops and frees the data folder when npm alone is told to stop (SIGTERM), as a process manager does', async () => {
    const start = npmStartOn(dataDir);
    const url = (await start.line(/^Open http:/)).slice('Open '.length);
    start.npm.kill('SIGTERM');
    await start.ended;
    expect(start.lines.at(-1)).toBe('Dossier has stopped.');
    expect(existsSync(join(dataDir, 'dossier.lock'))).toBe(false);
    expect(await answers(url)).toBe(false);
  });
});
