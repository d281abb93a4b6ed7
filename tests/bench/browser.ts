/**
 * What the window feels: Chromium (the same Debian build the end-to-end
 * tests use) against `npm run web` on a benchmark library. Each figure is
 * one function; `browserPhase` runs them for `npm run bench`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { distribution, type Distribution } from './stats';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

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

export interface BrowserResult {
  chromium: string;
  /** A 5 MB document: from following a link to its first blocks painted, then scrolling through it. */
  longDocument: Reading;
  /** The library view of the benchmark library: opening the app to its table painted (median of 3), then sorted. */
  libraryPaintedMs: number;
  librarySortedMs: { title: number; length: number };
  /** From a keystroke in the search box to its results painted, at the benchmark library's size (from the Tags view). */
  typing: Typing;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function browserPhase(out: string, longDocument: { dataDir: string; id: string }, library: string, typed: string[]): Promise<BrowserResult> {
  const servers = await Promise.all([startWeb(out, longDocument.dataDir), startWeb(out, library)]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await libraryPainted(page, (servers[0] as Server).url);
    const reading = await readerOpened(page, longDocument.id);
    const painted: number[] = [];
    for (let i = 0; i < 3; i++) painted.push(await libraryPainted(page, (servers[1] as Server).url));
    const librarySortedMs = { title: await librarySorted(page, 'Title'), length: await librarySorted(page, 'Length') };
    // Typed from a light view: the search box's own cost, not the library table's.
    await page.evaluate(() => (location.hash = '#/tags'));
    await page.getByRole('heading', { level: 1, name: 'Tags' }).waitFor();
    const typing = await typingPainted(page, typed);
    return { chromium: browser.version(), longDocument: reading, libraryPaintedMs: median(painted), librarySortedMs, typing };
  } finally {
    await browser.close();
    for (const server of servers) server.child.kill('SIGTERM');
  }
}
