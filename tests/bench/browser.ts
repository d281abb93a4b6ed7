/**
 * What the window feels: Chromium (the same Debian build the end-to-end
 * tests use) against `npm run web` on a benchmark library.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { distribution, type Distribution } from './stats';

export interface BrowserResult {
  chromium: string;
  /** From following a link to a 5 MB document to its first blocks painted. */
  longDocumentFirstPaintMs: number;
  /** Of which: the core answering getDocument (reading and splitting the text, sending every block). */
  longDocumentFetchMs: number;
  /** The longest task on the page's main thread while it opened. */
  longDocumentLongestTaskMs: number;
  /** Frame times while scrolling through it, and the longest task meanwhile. */
  scrollFrames: Distribution;
  scrollLongestTaskMs: number;
  /** From a keystroke in the search box to its results painted, at the benchmark library's size (from the Tags view). */
  typing: Distribution;
  typingLongestTaskMs: number;
  /** The longest task on that page over the 5 s before typing: what happens there without the search box. */
  idleLongestTaskMs: number;
  /** The library view of the benchmark library: from opening the app to its table painted. */
  libraryFirstPaintMs: number;
}

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

interface Server {
  url: string;
  child: ChildProcess;
}

async function startWeb(out: string, dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, [`${out}/main/web.js`, '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bench: the web server exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

/** Collects long tasks (over 50 ms) on the page from now on. */
const watchLongTasks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
const takeLongest = (page: Page) => page.evaluate(() => (window as unknown as { longest: number }).longest);

export async function browserPhase(out: string, longDocument: { dataDir: string; id: string }, library: string, typed: string[]): Promise<BrowserResult> {
  const servers = await Promise.all([startWeb(out, longDocument.dataDir), startWeb(out, library)]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto((servers[0] as Server).url);
    await page.getByRole('heading', { name: 'Library' }).waitFor();
    await watchLongTasks(page);
    const opening = await page.evaluate(async (id) => {
      const started = performance.now();
      location.hash = `#/doc/${id}`;
      while (!document.querySelector('.reader-text .block')) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const fetch = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/getDocument') && e.startTime >= started);
      return { paint: performance.now() - started, fetch: fetch?.duration ?? 0 };
    }, longDocument.id);
    const openingLongest = await takeLongest(page);
    await watchLongTasks(page);
    const frames = await page.evaluate(async () => {
      const main = document.getElementById('main') as HTMLElement;
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 180; i++) {
        main.scrollTop += i % 60 === 59 ? main.scrollHeight / 4 : 300;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times;
    });
    const scrollLongest = await takeLongest(page);

    const typing = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const libraryStarted = Date.now();
    await typing.goto((servers[1] as Server).url);
    await typing.locator('.library-table tbody tr').first().waitFor();
    const libraryFirstPaintMs = Date.now() - libraryStarted;
    // Typed from a light view: the search box's own cost, not the library table's (see libraryFirstPaintMs).
    await typing.evaluate(() => (location.hash = '#/tags'));
    await typing.getByRole('heading', { level: 1, name: 'Tags' }).waitFor();
    await watchLongTasks(typing);
    await typing.waitForTimeout(5000);
    const idleLongestTaskMs = await takeLongest(typing);
    await watchLongTasks(typing);
    const keystrokes = await typing.evaluate(async (prefixes) => {
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Search"]') as HTMLInputElement;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set as (this: HTMLInputElement, v: string) => void;
      input.focus();
      const times: number[] = [];
      for (const prefix of prefixes) {
        const started = performance.now();
        setValue.call(input, prefix);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (document.querySelector('[data-search-query]')?.getAttribute('data-search-query') !== prefix) await new Promise((r) => requestAnimationFrame(r));
        times.push(performance.now() - started);
      }
      return times;
    }, typed);
    return {
      chromium: browser.version(),
      longDocumentFirstPaintMs: opening.paint,
      longDocumentFetchMs: opening.fetch,
      longDocumentLongestTaskMs: openingLongest,
      scrollFrames: distribution(frames),
      scrollLongestTaskMs: scrollLongest,
      typing: distribution(keystrokes),
      typingLongestTaskMs: await takeLongest(typing),
      libraryFirstPaintMs,
      idleLongestTaskMs,
    };
  } finally {
    await browser.close();
    for (const server of servers) server.child.kill('SIGTERM');
  }
}
