/**
 * The benchmark's measurements. Each phase runs in a process of its own
 * (see bench.ts), so its peak memory and cold start are its own.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { DocumentRecord } from '../../main/core/library/documents';
import { toBlocks } from '../../main/core/library/paragraphs';
import { parseQuery } from '../../main/core/search/query';
import { scopeOf } from '../../main/core/search/scope';
import { SearchIndex } from '../../main/core/search/search-index';
import { INDEX_FILE } from '../../main/core/search/service';
import { openDossier } from '../../main/core/service';
import { collect, distribution, mb, peakRssMb, sleep, watchingTheLoop, type Distribution } from './stats';

/** Results per page in the search box: what the window asks for on each keystroke. */
export const RESULTS_PER_KEYSTROKE = 10;
const SEED_DIR = resolve('resources/seed');

async function libraryOf(dataDir: string): Promise<DocumentRecord[]> {
  return (JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as { documents: DocumentRecord[] }).documents;
}

/** Every prefix of every query, as typed one character at a time. */
export const keystrokes = (queries: string[]): string[] => queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));

// ---------------------------------------------------------------- our index

/** A query as the search API asks the index: parsed and its filters resolved on the main thread, the words and scope sent to the worker. */
function ask(index: SearchIndex, q: string, limit = RESULTS_PER_KEYSTROKE) {
  const parsed = parseQuery(q);
  return index.search(parsed, limit, scopeOf(parsed.filters));
}

/** A save watched from the main process, someone typing meanwhile. */
export interface SaveFigures {
  totalMs: number;
  mergeMs: number;
  blockedMs: number;
  slowestSearchMs: number;
  searches: number;
}

/** Saves the index while a search is asked again and again, and says what that cost. */
async function watchedSave(index: SearchIndex, options: { merge?: boolean } = {}): Promise<SaveFigures> {
  const during: number[] = [];
  const saved = await watchingTheLoop(async () => {
    let done = false;
    const saving = index.save(options).finally(() => (done = true));
    while (!done) during.push(...(await timeEach(['congress'], (q) => ask(index, q))));
    await saving;
  });
  const { lastSave } = await index.status();
  return { totalMs: lastSave?.totalMs ?? 0, mergeMs: lastSave?.mergeMs ?? 0, blockedMs: saved.blockedMs, slowestSearchMs: Math.max(0, ...during), searches: during.length };
}

export interface OursResult {
  documents: number;
  passages: number;
  chars: number;
  buildMs: number;
  saveMs: number;
  indexFileMb: number;
  heapMb: number;
  externalMb: number;
  keystroke: Distribution;
  /** The main thread's longest stall while the keystrokes went back to back (the worker busy all the time). */
  keystrokeBlockedMs: number;
  /** The same at a fast typist's pace (one keystroke every 50 ms, the first 60 queries). */
  pacedBlockedMs: number;
  full: Distribution;
  addDocumentMs: number;
  /** A save after one more document (the change saved as it is, no merge): in all, how long the main process was held up, the slowest search meanwhile. */
  saveAfterChange: SaveFigures;
  /** The index alone started again on its saved file: loading it, the first answer, and its memory then. */
  reload: { loadMs: number; firstAnswerMs: number; heapMb: number; externalMb: number };
  peakRssMb: number;
}

/** Builds the index in its worker, then types the queries into it as the window would. */
export async function ours(dataDir: string, queries: string[]): Promise<OursResult> {
  const library = await libraryOf(dataDir);
  await rm(join(dataDir, INDEX_FILE), { force: true });
  const index = await SearchIndex.open({ dataDir, library: () => library });
  await index.settled();
  const status = await index.status();
  const memory = await index.memory();
  const typed = keystrokes(queries);
  const keys = await watchingTheLoop(() => timeEach(typed, (q) => ask(index, q)));
  const paced = await watchingTheLoop(() => timeEach(keystrokes(queries.slice(0, 60)), async (q) => Promise.all([ask(index, q), sleep(50)])));
  const full = await timeEach(queries, (q) => ask(index, `${q} `));

  // One more document, then a save: how long the window's process is held up meanwhile.
  const extra = library[0] as DocumentRecord;
  library.push({ ...extra, id: 'bench-extra', hash: `${extra.hash}-extra` });
  const { copyFile } = await import('node:fs/promises');
  await copyFile(join(dataDir, 'texts', `${extra.id}.txt`), join(dataDir, 'texts', 'bench-extra.txt'));
  const added = performance.now();
  await index.setDocument('bench-extra');
  await ask(index, 'bench', 1);
  const addDocumentMs = performance.now() - added;
  const saveAfterChange = await watchedSave(index);
  await index.close();
  const reopened = performance.now();
  const again = await SearchIndex.open({ dataDir, library: () => library });
  await ask(again, 'state of the union');
  const firstAnswerMs = performance.now() - reopened;
  const reloaded = await again.memory();
  const reload = { loadMs: (await again.status()).loadMs, firstAnswerMs, heapMb: mb(reloaded.heapUsed), externalMb: mb(reloaded.external) };
  await again.close();
  return {
    documents: library.length - 1,
    passages: status.stats.entries - (library.length - 1),
    chars: library.reduce((sum, d) => sum + d.length, 0),
    buildMs: status.buildMs ?? 0,
    saveMs: status.lastSave?.totalMs ?? 0,
    indexFileMb: mb((await stat(join(dataDir, INDEX_FILE))).size),
    heapMb: mb(memory.heapUsed),
    externalMb: mb(memory.external),
    keystroke: distribution(keys.value),
    keystrokeBlockedMs: keys.blockedMs,
    pacedBlockedMs: paced.blockedMs,
    full: distribution(full),
    addDocumentMs,
    saveAfterChange,
    reload,
    peakRssMb: peakRssMb(),
  };
}

export async function timeEach(items: string[], run: (item: string) => Promise<unknown>, budgetMs = Infinity): Promise<number[]> {
  const times: number[] = [];
  const started = performance.now();
  for (const item of items) {
    const t = performance.now();
    await run(item);
    times.push(performance.now() - t);
    if (performance.now() - started > budgetMs) break;
  }
  return times;
}

// ---------------------------------------------------------------- merging

export interface MergeResult extends SaveFigures {
  /** Of this process: the saved index loaded, then merged into a new segment (old and new both held meanwhile). */
  peakRssMb: number;
}

/**
 * A merge of the changes into a new segment, in a process of its own: what
 * a save does once a fifth of the library has changed. The saved index is
 * loaded and brought in line with library.json (the document the first
 * phase added is removed: a change), then merged and saved.
 */
export async function merge(dataDir: string): Promise<MergeResult> {
  const library = await libraryOf(dataDir);
  const index = await SearchIndex.open({ dataDir, library: () => library });
  await index.settled();
  const figures = await watchedSave(index, { merge: true });
  await index.close();
  return { ...figures, peakRssMb: peakRssMb() };
}

// ---------------------------------------------------------------- cold start

export interface ColdResult {
  saved: boolean;
  /** openDossier: store, library, annotations, entities, tags, and the index loaded (or its build started). */
  openMs: number;
  /** From the start of openDossier to the first complete answer. */
  firstAnswerMs: number;
  peakRssMb: number;
}

/** Opens the whole core on a library and asks one question, with or without the saved index. */
export async function cold(dataDir: string, saved: boolean): Promise<ColdResult> {
  if (!saved) await rm(join(dataDir, INDEX_FILE), { force: true });
  const started = performance.now();
  const dossier = await openDossier({ dataDir, seedDir: SEED_DIR, version: 'bench' });
  const openMs = performance.now() - started;
  while ((await dossier.api.search({ q: 'state of the union', limit: RESULTS_PER_KEYSTROKE })).indexing) await sleep(20);
  return { saved, openMs, firstAnswerMs: performance.now() - started, peakRssMb: peakRssMb() };
}

// ---------------------------------------------------------------- raw MiniSearch

export interface RawResult {
  buildMs: number;
  heapMb: number;
  jsonMb: number;
  stringifyMs: number;
  loadJsonMs: number;
  full: Distribution;
  keystroke: Distribution;
  naiveKeystroke: Distribution;
  peakRssMb: number;
}

/** A reading block of a benchmark document, as raw MiniSearch and the peers index it. */
export interface Passage {
  id: number;
  docId: string;
  block: number;
  title: string;
  text: string;
}

/** Every reading block of the library in a data folder, each with its document's title: what our index holds. */
export async function readPassages(dataDir: string): Promise<Passage[]> {
  const passages: Passage[] = [];
  for (const doc of await libraryOf(dataDir)) {
    for (const block of toBlocks(await readFile(join(dataDir, 'texts', `${doc.id}.txt`), 'utf8'))) {
      passages.push({ id: passages.length, docId: doc.id, block: block.index, title: doc.title, text: block.text });
    }
  }
  return passages;
}

/**
 * The same questions asked of MiniSearch alone, over the same passages.
 * "Same": prefix on the word being typed and on words of four letters or
 * more, one typo from five letters, two from nine, every word required
 * (any word when that finds nothing), titles boosted; no snippets, no
 * worker, no syntax. "Naive" is MiniSearch's prefix and fuzzy 0.2 on every
 * word, as measured in the research.
 */
export async function raw(dataDir: string, queries: string[], keystrokeBudgetMs: number): Promise<RawResult> {
  const passages = await readPassages(dataDir);
  const same: SearchOptions = {
    boost: { title: 3 },
    prefix: (term, i, terms) => i === terms.length - 1 || term.length >= 4,
    fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
    combineWith: 'AND',
  };
  const options: Options<Passage> = { fields: ['title', 'text'], storeFields: ['docId', 'block'], searchOptions: same };
  collect();
  const before = process.memoryUsage().heapUsed;
  let started = performance.now();
  const mini = new MiniSearch<Passage>(options);
  mini.addAll(passages);
  const buildMs = performance.now() - started;
  passages.length = 0;
  collect();
  const heapMb = mb(process.memoryUsage().heapUsed - before);
  started = performance.now();
  const json = JSON.stringify(mini);
  const stringifyMs = performance.now() - started;
  started = performance.now();
  MiniSearch.loadJSON(json, options);
  const loadJsonMs = performance.now() - started;
  const ask = (q: string, o: SearchOptions = {}) => {
    const found = mini.search(q, o);
    return found.length > 0 ? found : mini.search(q, { ...o, combineWith: 'OR' });
  };
  const full = await timeEach(queries, async (q) => ask(q));
  const keystroke = await timeEach(keystrokes(queries), async (q) => ask(q), keystrokeBudgetMs);
  const naiveKeystroke = await timeEach(keystrokes(queries), async (q) => ask(q, { prefix: true, fuzzy: 0.2 }), keystrokeBudgetMs);
  return { buildMs, heapMb, jsonMb: mb(json.length), stringifyMs, loadJsonMs, full: distribution(full), keystroke: distribution(keystroke), naiveKeystroke: distribution(naiveKeystroke), peakRssMb: peakRssMb() };
}

// ---------------------------------------------------------------- annotations and import

export interface AnnotationResult {
  documents: number;
  annotations: number;
  createAllMs: number;
  create: Distribution;
  update: Distribution;
  peakRssMb: number;
}

/** Annotation saves (create, edit a note) through the annotations API, after `count` annotations were made. */
export async function annotations(dataDir: string, count: number): Promise<AnnotationResult> {
  const dossier = await openDossier({ dataDir, seedDir: SEED_DIR, version: 'bench' });
  const docs = await dossier.api.listDocuments();
  const rangeIn = async (docId: string, k: number) => {
    const text = await readFile(join(dataDir, 'texts', `${docId}.txt`), 'utf8');
    const start = (k * 97) % Math.max(1, text.length - 60);
    return { docId, start, end: start + 40 };
  };
  const make = async (k: number, note: string) => {
    const doc = docs[k % docs.length] as { id: string };
    return dossier.api.createAnnotation({ ...(await rangeIn(doc.id, k)), note });
  };
  let started = performance.now();
  const made: string[] = [];
  for (let k = 0; k < count; k += 16) {
    const batch = await Promise.all(Array.from({ length: Math.min(16, count - k) }, (_, j) => make(k + j, `Bench note ${k + j} about the harbour`)));
    made.push(...batch.map((a) => a.id));
  }
  const createAllMs = performance.now() - started;
  const create: number[] = [];
  const update: number[] = [];
  for (let i = 0; i < 30; i++) {
    started = performance.now();
    const a = await make(count + i, `Timed note ${i}`);
    create.push(performance.now() - started);
    started = performance.now();
    await dossier.api.updateAnnotation(a.id, { note: `Timed note ${i}, edited` });
    update.push(performance.now() - started);
  }
  return { documents: docs.length, annotations: made.length + 30, createAllMs, create: distribution(create), update: distribution(update), peakRssMb: peakRssMb() };
}

export interface ImportResult {
  documentsBefore: number;
  files: number;
  mb: number;
  seconds: number;
  mbPerSecond: number;
  perFile: Distribution;
}

/** Imports files through the upload API, as the window does. */
export async function importFiles(dataDir: string, files: Array<{ name: string; text: string }>): Promise<ImportResult> {
  const dossier = await openDossier({ dataDir, seedDir: SEED_DIR, version: 'bench' });
  const documentsBefore = (await dossier.api.listDocuments()).length;
  const perFile: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (const file of files) {
    const t = performance.now();
    const data = Buffer.from(file.text);
    bytes += data.length;
    const ticket = await dossier.api.beginUpload({ name: file.name, size: data.length, purpose: 'import' });
    if (!ticket.accepted) throw new Error(`bench: upload refused: ${ticket.reason}`);
    await dossier.api.sendUploadChunk({ uploadId: ticket.uploadId, offset: 0, data: data.toString('base64') });
    const outcome = await dossier.api.importUpload(ticket.uploadId);
    if (outcome.status !== 'added') throw new Error(`bench: ${file.name} was ${outcome.status}`);
    perFile.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  return { documentsBefore, files: files.length, mb: mb(bytes), seconds, mbPerSecond: mb(bytes) / seconds, perFile: distribution(perFile) };
}
