import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running `npm run web` (the built bundle) on a fresh temporary data folder. */
export interface WebApp {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Stops the server (keeping the data folder) and starts it again on the same folder. */
  restart(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  url: string;
}

/** Starts out/main/web.js and waits for the URL it prints. */
export async function startWeb(dataDir: string, extraArgs: string[] = []): Promise<Running> {
  const child = spawn(process.execPath, [`${process.env['DOSSIER_OUT'] ?? 'out'}/main/web.js`, '--data', dataDir, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web server exited with ${code}:\n${output}`));
    });
  });
  return { child, url };
}

async function stop(running: Running): Promise<void> {
  if (running.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    running.child.once('exit', () => resolve());
    running.child.kill('SIGTERM');
  });
}

export const test = base.extend<{ web: WebApp }>({
  // Playwright reads a fixture's dependencies from this destructuring pattern: it must be present even when empty.
  // eslint-disable-next-line no-empty-pattern
  web: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dossier-e2e-'));
    let running = await startWeb(dataDir);
    const describe = (r: Running) => {
      const url = new URL(r.url);
      return { url: r.url, origin: url.origin, token: url.searchParams.get('token') ?? '' };
    };
    const app: WebApp = {
      ...describe(running),
      dataDir,
      restart: async () => {
        await stop(running);
        running = await startWeb(dataDir);
        Object.assign(app, describe(running));
      },
    };
    await use(app);
    await stop(running);
    await rm(dataDir, { recursive: true, force: true });
  },
});

/** Where screenshots for people to look at are saved. */
export const shot = (name: string) => join('tests', 'e2e', 'output', `${name}.png`);

/** Opens the app as a user would: the printed URL, which lands on the library. */
export async function openApp(page: Page, web: WebApp): Promise<void> {
  await page.goto(web.url);
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
}

export { expect };
