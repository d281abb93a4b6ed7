/**
 * `npm run bench`: search at 10,000 documents, beside its peers, and what it
 * costs as the library grows.
 *
 *   npm run bench                      5 MB and 50 MB libraries (about 1,000 and 10,000 documents)
 *   npm run bench -- --full            also 150 MB (30,000 documents)
 *   npm run bench -- --huge            also 500 MB (100,000 documents)
 *   npm run bench -- --sizes=50        one size only
 *   npm run bench -- --skip=raw,peers,browser,annotations,import
 *
 * Every library is generated from a fixed seed (see corpus.ts), so runs are
 * comparable. Each measurement runs in a fresh process; figures are printed
 * and written to <out>/bench/results.md and results.json, <out> being the
 * build's folder (DOSSIER_OUT, out/ by default), whose window the browser
 * phase drives.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { browserPhase, type BrowserResult } from './browser';
import { generateDocuments, generateQueries, paragraphPool } from './corpus';
import { longDocument, writeDocuments, writeLibrary } from './library';
import { flexsearch, fts5, type PeerResult, type PeerSkipped } from './peers';
import { annotations, cold, importFiles, keystrokes, merge, ours, raw, type AnnotationResult, type ColdResult, type ImportResult, type MergeResult, type OursResult, type RawResult } from './phases';
import { report } from './report';

const SEED = 20_240_626;
const QUERIES = 500;
const DOCUMENT_BYTES = 5000;
/** How long a peer may take over the keystrokes: beyond, its figures are of the first ones ("first N"). */
const KEYSTROKE_BUDGET_MS = 45_000;
/** Raw MiniSearch and FlexSearch hold their whole index in the heap: from this size on they are not run (see peersSkipped). */
const IN_HEAP_PEERS_UP_TO_MB = 150;
const here = dirname(fileURLToPath(import.meta.url));
const out = dirname(here);

export interface SizeResults {
  megabytes: number;
  documents: number;
  ours: OursResult;
  merge: MergeResult;
  coldSaved: ColdResult;
  coldUnsaved: ColdResult;
  raw: RawResult | null;
  /** Why raw MiniSearch has no figures (it ran out of memory at 150 MB). */
  rawFailure?: string;
  /** FlexSearch and SQLite FTS5 on the same passages and keystrokes, or why one was not run. */
  peers: Array<PeerResult | PeerSkipped>;
  annotations: AnnotationResult | null;
  importing: ImportResult | null;
}

export interface BenchResults {
  started: string;
  machine: Record<string, string>;
  queries: { count: number; keystrokes: number; examples: string[] };
  sizes: SizeResults[];
  annotationsSmall: AnnotationResult | null;
  importSmall: ImportResult | null;
  browser: BrowserResult | { skipped: string };
  minutes: number;
}

let argsFiles = 0;

/** Runs one phase in a fresh node process (its arguments in a file: too long for a command line) and returns what it printed. */
async function inChild<T>(phase: string, args: unknown[]): Promise<T> {
  const argsFile = join(tmpdir(), `dossier-bench-args-${process.pid}-${argsFiles++}.json`);
  await writeFile(argsFile, JSON.stringify(args));
  const child = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', phase, argsFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Shown as it comes, and kept: a phase that dies says why there (an out-of-memory abort, for one).
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  await rm(argsFile, { force: true });
  const line = output.split('\n').find((l) => l.startsWith('RESULT '));
  if (code !== 0 || !line) throw new Error(`bench: phase ${phase} failed (exit ${code}):\n${output}`);
  return JSON.parse(line.slice('RESULT '.length)) as T;
}

const PHASES: Record<string, (...args: never[]) => Promise<unknown>> = { ours, merge, cold, raw, annotations, importFiles, flexsearch, fts5 };

async function child(phase: string, argsFile: string): Promise<void> {
  const run = PHASES[phase] as (...a: unknown[]) => Promise<unknown>;
  const result = await run(...(JSON.parse(await readFile(argsFile, 'utf8')) as unknown[]));
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

function machine(): Record<string, string> {
  // Read from node_modules directly: a package's exports may hide its package.json.
  const pkg = (name: string) => (JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    os: `${type()} ${release()}`,
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GB`,
    node: process.version,
    minisearch: pkg('minisearch'),
    flexsearch: pkg('flexsearch'),
    'better-sqlite3': existsSync(join('node_modules', 'better-sqlite3', 'package.json')) ? pkg('better-sqlite3') : 'not installed',
    'load average at start': loadavg().map((l) => l.toFixed(1)).join(' '),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { full: { type: 'boolean' }, huge: { type: 'boolean' }, sizes: { type: 'string' }, skip: { type: 'string' } } });
  const sizes = values.sizes ? values.sizes.split(',').map(Number) : [5, 50, ...(values.full ? [150] : []), ...(values.huge ? [500] : [])];
  const skip = new Set((values.skip ?? '').split(',').filter(Boolean));
  const started = Date.now();
  const results: BenchResults = { started: new Date().toISOString(), machine: machine(), queries: { count: 0, keystrokes: 0, examples: [] }, sizes: [], annotationsSmall: null, importSmall: null, browser: { skipped: 'not run' }, minutes: 0 };
  const work = await mkdtemp(join(tmpdir(), 'dossier-bench-'));
  const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
  try {
    log('reading the paragraph pool (SOTU speeches, SpamAssassin e-mail bodies)');
    const pool = paragraphPool();
    const queries = generateQueries(pool, QUERIES, SEED + 1);
    const queryFile = join(work, 'queries.json');
    await writeFile(queryFile, JSON.stringify(queries));
    results.queries = { count: queries.length, keystrokes: keystrokes(queries).length, examples: queries.slice(0, 12) };

    for (const megabytes of sizes) {
      const documents = Math.round((megabytes * 1e6) / DOCUMENT_BYTES);
      const dataDir = join(work, `library-${megabytes}mb`);
      log(`writing a ${megabytes} MB library of ${documents} documents`);
      const library = await writeLibrary(dataDir, pool, documents, megabytes * 1e6, SEED + megabytes);
      log(`our index: build, ${results.queries.keystrokes} keystrokes, ${queries.length} full queries, save`);
      const oursResult = await inChild<OursResult>('ours', [dataDir, queries]);
      log('a merge of the changes into a new segment');
      const merged = await inChild<MergeResult>('merge', [dataDir]);
      log('cold start with the saved index, then without it');
      const coldSaved = await inChild<ColdResult>('cold', [dataDir, true]);
      const coldUnsaved = await inChild<ColdResult>('cold', [dataDir, false]);
      let rawResult: RawResult | null = null;
      let rawFailure: string | undefined;
      if (megabytes > IN_HEAP_PEERS_UP_TO_MB) rawFailure = inHeapSkipped(megabytes);
      else if (!skip.has('raw')) {
        log('raw MiniSearch on the same passages');
        try {
          rawResult = await inChild<RawResult>('raw', [dataDir, queries, KEYSTROKE_BUDGET_MS]);
        } catch (error) {
          rawFailure = /heap out of memory/.test((error as Error).message) ? `ran out of memory (Node's default heap limit, ${Math.round(heapLimitMb())} MB) while building` : (error as Error).message.split('\n')[0];
          log(`raw MiniSearch failed: ${rawFailure}`);
        }
      }
      const peers = skip.has('peers') ? [] : await peersOn(dataDir, queries, megabytes, log);
      let annotationResult: AnnotationResult | null = null;
      let importResult: ImportResult | null = null;
      if (megabytes === 50 && !skip.has('annotations')) {
        log(`annotations: ${documents} to make, then timed saves`);
        annotationResult = await inChild<AnnotationResult>('annotations', [dataDir, documents]);
      }
      if (megabytes === 50 && !skip.has('browser')) results.browser = await browser(work, pool, dataDir, queries, log);
      if (megabytes === 50 && !skip.has('import')) {
        log('import through the upload API into this library');
        importResult = await inChild<ImportResult>('importFiles', [dataDir, importSet(pool, SEED + 7)]);
      }
      results.sizes.push({ megabytes, documents: library.documents.length, ours: oursResult, merge: merged, coldSaved, coldUnsaved, raw: rawResult, ...(rawFailure && { rawFailure }), peers, annotations: annotationResult, importing: importResult });
      await rm(dataDir, { recursive: true, force: true });
      await write(results, started);
    }
    if (!skip.has('annotations')) {
      log('annotations in a new library (the 5 seed documents)');
      results.annotationsSmall = await inChild<AnnotationResult>('annotations', [await mkdtemp(join(work, 'seed-')), 0]);
    }
    if (!skip.has('import')) {
      log('import into a new library');
      results.importSmall = await inChild<ImportResult>('importFiles', [await mkdtemp(join(work, 'seed-')), importSet(pool, SEED + 7)]);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const markdown = await write(results, started);
  console.log(`\n${markdown}\nWritten to ${join(here, 'results.md')} and results.json`);
}

/** Writes what has been measured so far (a long run that fails later keeps its figures). */
async function write(results: BenchResults, started: number): Promise<string> {
  results.machine['load average at end'] = loadavg().map((l) => l.toFixed(1)).join(' ');
  results.minutes = (Date.now() - started) / 60_000;
  const markdown = report(results);
  await writeFile(join(here, 'results.md'), markdown);
  await writeFile(join(here, 'results.json'), JSON.stringify(results, null, 2));
  return markdown;
}

const heapLimitMb = () => getHeapStatistics().heap_size_limit / 1e6;

const inHeapSkipped = (megabytes: number) =>
  `not run at ${megabytes} MB: its whole index lives in the JavaScript heap, which at 150 MB already outgrows Node's default limit (${Math.round(heapLimitMb())} MB)`;

/** FlexSearch and SQLite FTS5, each in its own process, on this library's passages and the same keystrokes. */
async function peersOn(dataDir: string, queries: string[], megabytes: number, log: (m: string) => void): Promise<Array<PeerResult | PeerSkipped>> {
  const peers: Array<PeerResult | PeerSkipped> = [];
  const run = async (peer: string, phase: string, version: string) => {
    log(`${peer} on the same passages and keystrokes`);
    try {
      peers.push(await inChild<PeerResult | PeerSkipped>(phase, [dataDir, queries, KEYSTROKE_BUDGET_MS, version]));
    } catch (error) {
      const message = (error as Error).message;
      peers.push({ peer, skipped: /heap out of memory/.test(message) ? `ran out of memory (Node's default heap limit, ${Math.round(heapLimitMb())} MB) while building` : (message.split('\n')[0] ?? message) });
    }
    const last = peers.at(-1);
    if (last && 'skipped' in last) log(`${peer} skipped: ${last.skipped}`);
  };
  const version = (name: string) => (existsSync(join('node_modules', name, 'package.json')) ? (JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version : '');
  if (megabytes > IN_HEAP_PEERS_UP_TO_MB) peers.push({ peer: 'FlexSearch', skipped: inHeapSkipped(megabytes) });
  else await run('FlexSearch', 'flexsearch', version('flexsearch'));
  await run('SQLite FTS5', 'fts5', version('better-sqlite3'));
  return peers;
}

/** 100 documents of about 5 KB, different from the library's, as files to import. */
function importSet(pool: string[], seed: number): Array<{ name: string; text: string }> {
  return [...generateDocuments(pool, 100, 100 * DOCUMENT_BYTES, seed)].map((doc, i) => ({ name: `import-${i}.txt`, text: `${doc.text}\nImported copy ${seed}-${i}.\n` }));
}

async function browser(work: string, pool: string[], library: string, queries: string[], log: (m: string) => void): Promise<BenchResults['browser']> {
  if (!existsSync(join(out, 'renderer', 'index.html')) || !existsSync(join(out, 'main', 'web.js'))) {
    return { skipped: `the window is not built in ${out}: run \`npm run build\` (or vite build with DOSSIER_OUT) first` };
  }
  log('Chromium: a 5 MB document, then typing in the search box of this library');
  const long = await writeDocuments(join(work, 'long-document'), [longDocument(pool, 5e6, SEED + 3)]);
  const typed = keystrokes(queries.slice(0, 40));
  return browserPhase(out, { dataDir: long.dataDir, id: (long.documents[0] as { id: string }).id }, library, typed);
}

const [, , mode, phase, argsFile] = process.argv;
if (mode === '--child' && phase && argsFile) {
  child(phase, argsFile).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error((error as Error).stack ?? error);
    process.exit(1);
  });
}
