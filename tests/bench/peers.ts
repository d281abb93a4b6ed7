/**
 * The same passages and the same keystrokes given to two peers of our index,
 * each in its own process (see bench.ts), so that every figure of ours has
 * theirs beside it:
 *
 * - FlexSearch 0.8, its "forward" tokenizer (every word matches as a
 *   prefix), no typo tolerance: every word required, any word
 *   (`suggest`) when that finds nothing;
 * - SQLite FTS5 through better-sqlite3 (an optional dependency: it needs a
 *   native build), on disk as a desktop app would keep it, prefix indexes of
 *   one to three letters, BM25 with the title weighing 3: the word being
 *   typed and words of four letters or more as prefixes, quoted phrases as
 *   phrases, every word required (any when that finds nothing), no typos.
 *
 * Like raw MiniSearch, each is timed on its own search call: no snippets,
 * no syntax, no worker, no messaging.
 */
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Index } from 'flexsearch';
import { keystrokes, readPassages, timeEach } from './phases';
import { collect, distribution, mb, peakRssMb, type Distribution } from './stats';

export interface PeerResult {
  peer: string;
  version: string;
  buildMs: number;
  /** Heap the index holds (FlexSearch), or its database file (FTS5). */
  sizeMb: number;
  sizeOf: 'heap' | 'file';
  keystroke: Distribution;
  full: Distribution;
  peakRssMb: number;
}

/** A peer not measured, and why. */
export interface PeerSkipped {
  peer: string;
  skipped: string;
}

const LIMIT = 10;

export async function flexsearch(dataDir: string, queries: string[], keystrokeBudgetMs: number, version: string): Promise<PeerResult> {
  const passages = await readPassages(dataDir);
  collect();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const index = new Index({ tokenize: 'forward', cache: false });
  for (const p of passages) index.add(p.id, `${p.title}\n${p.text}`);
  const buildMs = performance.now() - started;
  passages.length = 0;
  collect();
  const sizeMb = mb(process.memoryUsage().heapUsed - before);
  const ask = (q: string) => {
    const found = index.search(q, { limit: LIMIT });
    return found.length > 0 ? found : index.search(q, { limit: LIMIT, suggest: true });
  };
  const full = await timeEach(queries, async (q) => ask(q));
  const keystroke = await timeEach(keystrokes(queries), async (q) => ask(q), keystrokeBudgetMs);
  return { peer: 'FlexSearch', version, buildMs, sizeMb, sizeOf: 'heap', keystroke: distribution(keystroke), full: distribution(full), peakRssMb: peakRssMb() };
}

export async function fts5(dataDir: string, queries: string[], keystrokeBudgetMs: number, version: string): Promise<PeerResult | PeerSkipped> {
  let Database: typeof BetterSqlite3;
  try {
    Database = (await import('better-sqlite3')).default;
    new Database(':memory:').exec('CREATE VIRTUAL TABLE probe USING fts5(x)');
  } catch (error) {
    return { peer: 'SQLite FTS5', skipped: `better-sqlite3, an optional dependency that needs a native build, is not usable here (${(error as Error).message.split('\n')[0]})` };
  }
  const passages = await readPassages(dataDir);
  const file = join(dataDir, 'bench-fts5.sqlite');
  await rm(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const started = performance.now();
  db.exec("CREATE VIRTUAL TABLE passages USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')");
  db.exec("INSERT INTO passages(passages, rank) VALUES('rank', 'bm25(3.0, 1.0)')");
  const insert = db.prepare('INSERT INTO passages(rowid, title, text) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const p of passages) insert.run(p.id, p.title, p.text);
  })();
  const buildMs = performance.now() - started;
  passages.length = 0;
  const select = db.prepare('SELECT rowid FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT ?');
  const ask = (q: string) => {
    const all = fts5Query(q, 'AND');
    if (!all) return [];
    const found = select.all(all, LIMIT);
    return found.length > 0 ? found : select.all(fts5Query(q, 'OR') as string, LIMIT);
  };
  const full = await timeEach(queries, async (q) => ask(`${q} `));
  const keystroke = await timeEach(keystrokes(queries), async (q) => ask(q), keystrokeBudgetMs);
  db.close();
  const sizeMb = mb((await stat(file)).size);
  await rm(file, { force: true });
  return { peer: 'SQLite FTS5', version, buildMs, sizeMb, sizeOf: 'file', keystroke: distribution(keystroke), full: distribution(full), peakRssMb: peakRssMb() };
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * A query typed in the search box in FTS5's syntax: each word quoted (no
 * operator can slip in), the word being typed and words of four letters or
 * more as prefixes, a quoted phrase as a phrase (its last word a prefix while
 * its closing quote is not typed). Null when there is no word.
 */
export function fts5Query(q: string, join: 'AND' | 'OR'): string | null {
  const typing = q.length > 0 && !/\s$/.test(q);
  const parts: string[] = [];
  const items = [...q.matchAll(/"([^"]*)("?)|([^\s"]+)/g)];
  items.forEach((item, i) => {
    const last = i === items.length - 1 && typing;
    if (item[3] !== undefined) {
      const words = item[3].match(TOKEN) ?? [];
      words.forEach((w, j) => parts.push(`"${w}"${(last && j === words.length - 1) || w.length >= 4 ? '*' : ''}`));
      return;
    }
    const words = (item[1] ?? '').match(TOKEN) ?? [];
    if (words.length > 0) parts.push(`"${words.join(' ')}"${item[2] === '' && last ? ' *' : ''}`);
  });
  return parts.length > 0 ? parts.join(` ${join} `) : null;
}
