/**
 * What the window feels, measured in Chromium against `npm run web`: the
 * library view painted at 10,000 and 100,000 documents, sorting and
 * filtering it, a 5 MB document's first screen and its scrolling, and a
 * keystroke's results painted. Each figure is one function, for the
 * benchmark to call; run on its own:
 *
 *   DOSSIER_OUT=out-window npm run build
 *   npx esbuild tests/perf/window.ts --bundle --platform=node --format=esm --packages=external --outfile=out-window/perf/window.js
 *   node out-window/perf/window.js out-window
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateQueries, paragraphPool } from '../bench/corpus';
import { longDocument, writeDocuments, writeLibrary } from '../bench/library';
import { keystrokes } from '../bench/phases';
import { distribution, type Distribution } from '../bench/stats';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SEED = 20_240_626;

export interface Server {
  url: string;
  child: ChildProcess;
}

export async function startWeb(out: string, dataDir: string): Promise<Server> {
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
    child.once('exit', (code) => reject(new Error(`The web server exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

/** Records every long task (over 50 ms, as Chromium reports them) on the page from now on; `longest` reads the longest. */
async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  return () => page.evaluate(() => (window as unknown as { longest: number }).longest);
}

/** Milliseconds from the app's address loaded to the library table's first row painted. */
export async function libraryPainted(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(url);
  await page.locator('.library-table tbody tr').first().waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return Date.now() - started;
}

/** Milliseconds from a click on a column's sort button to the table showing the new order, painted. */
export async function librarySorted(page: Page, column: 'Title' | 'Date' | 'Length'): Promise<number> {
  return page.evaluate(async (name) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.library-table th button')].find((b) => b.textContent?.startsWith(name));
    const before = document.querySelector('.library-table tbody tr:not([data-space]) a')?.textContent;
    const sortBefore = button?.closest('th')?.getAttribute('aria-sort');
    const started = performance.now();
    button?.click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const th = button?.closest('th')?.getAttribute('aria-sort');
      const first = document.querySelector('.library-table tbody tr:not([data-space]) a')?.textContent;
      if (th !== sortBefore && (first !== before || performance.now() - started > 2000)) break;
    }
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - started;
  }, column);
}

/** Milliseconds from following a filter link (the address gains `?tag=`) to the table narrowed and painted. */
export async function libraryFiltered(page: Page, tag: string): Promise<number> {
  return page.evaluate(async (value) => {
    const count = () => document.querySelector('.view-meta')?.textContent ?? '';
    const before = count();
    const started = performance.now();
    location.hash = `#/?tag=${encodeURIComponent(value)}`;
    while (count() === before || !/ of /.test(count())) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - started;
  }, tag);
}

export interface Reading {
  firstScreenMs: number;
  longestTaskMs: number;
  scrollFrames: Distribution;
  scrollLongestTaskMs: number;
}

/** From following a link to the document to its first blocks painted; then frame times while scrolling through it. */
export async function readerOpened(page: Page, docId: string): Promise<Reading> {
  const longest = await watchLongTasks(page);
  const firstScreenMs = await page.evaluate(async (id) => {
    const started = performance.now();
    location.hash = `#/doc/${id}`;
    while (!document.querySelector('.reader-text .block')) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - started;
  }, docId);
  const longestTaskMs = await longest();
  const scrolling = await watchLongTasks(page);
  const frames = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.reader-scroller') ?? (document.getElementById('main') as HTMLElement);
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 240; i++) {
      // Mostly a reader's steady scrolling; every 60 frames a jump of a quarter of the document (the scrollbar dragged).
      scroller.scrollTop += i % 60 === 59 ? scroller.scrollHeight / 4 : 300;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  });
  return { firstScreenMs, longestTaskMs, scrollFrames: distribution(frames), scrollLongestTaskMs: await scrolling() };
}

export interface Typing {
  painted: Distribution;
  longestTaskMs: number;
}

/** From each keystroke in the search box to its results painted. */
export async function typingPainted(page: Page, typed: string[]): Promise<Typing> {
  const longest = await watchLongTasks(page);
  const times = await page.evaluate(async (prefixes) => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Search"]') as HTMLInputElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set as (this: HTMLInputElement, v: string) => void;
    input.focus();
    const out: number[] = [];
    for (const prefix of prefixes) {
      const started = performance.now();
      setValue.call(input, prefix);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      while (document.querySelector('[data-search-query]')?.getAttribute('data-search-query') !== prefix) await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      out.push(performance.now() - started);
    }
    return out;
  }, typed);
  return { painted: distribution(times), longestTaskMs: await longest() };
}

async function withServer<T>(out: string, dataDir: string, browser: Browser, run: (page: Page, url: string) => Promise<T>): Promise<T> {
  const server = await startWeb(out, dataDir);
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    return await run(page, server.url);
  } finally {
    await page.close();
    server.child.kill('SIGTERM');
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(out: string, only: string | undefined): Promise<void> {
  if (!existsSync(`${out}/main/web.js`)) throw new Error(`Build first: DOSSIER_OUT=${out} npm run build`);
  const work = await mkdtemp(join(tmpdir(), 'dossier-window-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const pool = paragraphPool();
  const print = (label: string, value: unknown) => console.log(`${label}: ${JSON.stringify(value)}`);
  try {
    if (only === undefined || only === 'reader') {
    const long = await writeDocuments(join(work, 'long'), [longDocument(pool, 5e6, SEED + 3)]);
    await withServer(out, long.dataDir, browser, async (page, url) => {
      await libraryPainted(page, url);
      print('5 MB document', await readerOpened(page, (long.documents[0] as { id: string }).id));
    });
    }
    for (const [count, bytes] of [[10_000, 50e6], [100_000, 100e6]] as const) {
      if (only !== undefined && only !== `library-${count}`) continue;
      const library = await writeLibrary(join(work, `library-${count}`), pool, count, bytes, SEED + count);
      await withServer(out, library.dataDir, browser, async (page, url) => {
        const painted = [];
        for (let i = 0; i < 3; i++) painted.push(await libraryPainted(page, url));
        print(`library of ${count} painted (ms, median of 3)`, median(painted));
        print(`  sorted by title (ms)`, await librarySorted(page, 'Title'));
        print(`  sorted by length (ms)`, await librarySorted(page, 'Length'));
        if (count === 10_000) {
          await page.evaluate(() => (location.hash = '#/tags'));
          await page.getByRole('heading', { level: 1, name: 'Tags' }).waitFor();
          print('  keystroke to results painted', await typingPainted(page, keystrokes(generateQueries(pool, 40, SEED))));
        }
      });
      await rm(library.dataDir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('window.js')) {
  main(process.argv[2] ?? 'out', process.argv[3]).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
