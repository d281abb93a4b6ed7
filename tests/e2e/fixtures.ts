import { test as base, expect, type Locator, type Page } from '@playwright/test';
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

/** Imports a text file through the API, in chunks, the way the window uploads a file; returns the new document's id. */
export async function importText(page: Page, name: string, text: string): Promise<string> {
  const outcome = await page.evaluate(
    async ({ name, text }) => {
      const call = async (method: string, ...args: unknown[]) => {
        const response = await fetch(`api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Dossier-Token': sessionStorage.getItem('dossier.token') ?? '' }, body: JSON.stringify(args) });
        const envelope = (await response.json()) as { ok: boolean; value: { uploadId?: string; status?: string; document?: { id: string } }; error?: { message: string } };
        if (!envelope.ok) throw new Error(envelope.error?.message);
        return envelope.value;
      };
      const bytes = new TextEncoder().encode(text);
      const ticket = await call('beginUpload', { name, size: bytes.length, purpose: 'import' });
      const chunk = 1 << 22;
      for (let offset = 0; offset < bytes.length; offset += chunk) {
        let binary = '';
        const part = bytes.subarray(offset, offset + chunk);
        for (let i = 0; i < part.length; i += 8192) binary += String.fromCharCode(...part.subarray(i, i + 8192));
        await call('sendUploadChunk', { uploadId: ticket.uploadId, offset, data: btoa(binary) });
      }
      return call('importUpload', ticket.uploadId);
    },
    { name, text },
  );
  expect(outcome.status).toBe('added');
  return outcome.document?.id ?? '';
}

/** A document of `count` numbered paragraphs under a title, `extra(i)` appended to paragraph i. */
export function numberedParagraphs(title: string, count: number, extra: (i: number) => string = () => ''): string {
  const paragraph = (i: number) =>
    `Paragraph ${i}. The committee reviewed the harbour accounts, the shipping schedules and the minutes of the previous session before it adjourned for the evening${extra(i)}.`;
  return `${title}\n\n${Array.from({ length: count }, (_, i) => paragraph(i + 1)).join('\n\n')}\n`;
}

/**
 * Turns the mouse wheel over a scrolling column until `target` is in the page: a long document's
 * blocks are drawn as they come near the view, as a person scrolling brings them.
 */
export async function wheelUntilAttached(page: Page, column: Locator, target: Locator): Promise<void> {
  const box = (await column.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(async () => {
    if ((await target.count()) === 0) await page.mouse.wheel(0, 400);
    expect(await target.count()).toBe(1);
  }).toPass();
}

export { expect };
