/**
 * The search index as a service over the data folder: loads the saved index
 * (or builds it from the texts), keeps it in line with the library, answers
 * queries and saves itself. It runs in a worker thread (worker.ts), so
 * nothing here ever blocks the window or the API; see search-index.ts for
 * the side that talks to it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentFormat, DocumentMatch, IndexProgress, SearchResult } from '../../common/contract';
import { BLOCKS_VERSION, toBlocks } from '../library/paragraphs';
import type { DocumentInput, NoteInput, PassageInput } from './engine/entries';
import { EngineBuilder, SearchEngine, type EngineStats, type Prints } from './engine/engine';
import type { QueryTerms, Scope } from './query';
import { SnapshotError } from './engine/snapshot';
import { readSnapshot, writeSnapshot } from './snapshot-file';

/** A library document as the index needs it (DocumentRecord has these fields). */
export interface LibraryDocument {
  id: string;
  title: string;
  date: string | null;
  hash: string;
  /** How its text is read into blocks (plain text when absent). */
  format?: DocumentFormat;
  /** Characters of text: how big the first build will be. */
  length: number;
}

/** Where the index is saved, in the data folder. */
export const INDEX_FILE = 'search-index.bin';

/** Give queries a turn at least this often while building. */
const BUILD_SLICE_MS = 25;
/** Save once this many entries changed since the last save and nothing changed for SAVE_IDLE_MS. */
const SAVE_AFTER_ENTRIES = 2000;
const SAVE_IDLE_MS = 10_000;

export interface SaveOptions {
  /** Merge the changes into a new segment first, however few (the benchmark measures a merge so). */
  merge?: boolean;
}

/** What the index answers to a search: the rest of a SearchResult comes from the query and the other modules. */
export type IndexAnswer = Pick<SearchResult, 'groups' | 'total' | 'approximate' | 'indexing'>;

export interface ServiceStatus {
  documents: number;
  indexing: IndexProgress | null;
  /** Where the index came from at start-up. */
  loadedFrom: 'saved' | 'built' | 'empty';
  loadMs: number;
  /** How long the first build took (null when the index was loaded). */
  buildMs: number | null;
  /** The last save: in all, and the part spent merging changes (while queries wait). */
  lastSave: { totalMs: number; mergeMs: number } | null;
  stats: EngineStats;
  notice: string | null;
}

// The blocks' version too: passages are blocks, so a new way of reading them indexes every document again.
const textPrint = (doc: LibraryDocument): string => `${doc.hash}\n${BLOCKS_VERSION}`;
/** Whether a document is indexed as the library has it now (its text, title and date). */
const indexedAsIs = (doc: LibraryDocument, prints: Prints | null | undefined): boolean => prints?.text === textPrint(doc) && prints.title === doc.title && prints.date === doc.date;
const digest = (value: unknown): string => createHash('sha1').update(JSON.stringify(value)).digest('base64');
const yieldToQueries = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SearchService {
  private engine = SearchEngine.empty();
  private indexing: IndexProgress | null = null;
  /** Updates that arrived during the first build or a merge, applied once it is done. */
  private readonly waiting: Array<() => void> = [];
  private merging = false;
  private loadedFrom: ServiceStatus['loadedFrom'] = 'empty';
  private loadMs = 0;
  private buildMs: number | null = null;
  private lastSave: ServiceStatus['lastSave'] = null;
  private notice: string | null = null;
  private unsaved = 0;
  private saveTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  private building: Promise<void> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  private get file(): string {
    return join(this.dataDir, INDEX_FILE);
  }

  /** Loads the saved index; a missing, damaged or outdated one is rebuilt by the next sync. */
  async open(): Promise<void> {
    const started = performance.now();
    try {
      this.engine = SearchEngine.fromState(await readSnapshot(this.file));
      this.loadedFrom = 'saved';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        const why = error instanceof SnapshotError ? error.message : (error as Error).message;
        this.notice = `The saved search index could not be used (${why}); it is being rebuilt from your documents.`;
      }
    }
    this.loadMs = performance.now() - started;
  }

  /** Brings the index in line with the library: indexes new and changed documents, drops removed ones. */
  async sync(library: LibraryDocument[]): Promise<void> {
    const prints = this.engine.fingerprints();
    const ids = new Set(library.map((d) => d.id));
    for (const id of prints.keys()) if (!ids.has(id)) this.update(() => this.engine.removeDocument(id));
    const changed = library.filter((d) => !indexedAsIs(d, prints.get(d.id)));
    if (changed.length === 0) return;
    if (prints.size === 0) await (this.building = this.build(changed));
    else await this.inSlices(changed, (doc) => this.update(() => this.engine.setDocument(this.input(doc), this.passagesOf(doc))));
    this.changed(changed.length * 10);
  }

  /** Indexes a document, its text read from the data folder. */
  setDocument(doc: LibraryDocument): void {
    this.update(() => {
      if (indexedAsIs(doc, this.engine.printsOf(doc.id))) return;
      const list = this.passagesOf(doc);
      this.engine.setDocument(this.input(doc), list);
      this.changed(list.length + 1);
    });
  }

  removeDocument(docId: string): void {
    this.update(() => {
      this.engine.removeDocument(docId);
      this.changed(1);
    });
  }

  /** Replaces a document's notes in the index. */
  setNotes(docId: string, notes: NoteInput[]): void {
    this.update(() => {
      const print = digest(notes);
      if (this.engine.printsOf(docId)?.notes === print) return;
      if (this.engine.setNotes(docId, notes, print)) this.changed(notes.length);
    });
  }

  /** The documents matching a query's words within its scope (its filters, resolved by search/scope.ts). */
  search(query: QueryTerms, limit: number, scope: Scope): IndexAnswer {
    return { ...this.engine.search(query, limit, scope), indexing: this.indexing };
  }

  findInDocument(docId: string, query: QueryTerms): DocumentMatch[] {
    return this.engine.findInDocument(docId, query);
  }

  status(): ServiceStatus {
    const stats = this.engine.stats();
    return { documents: stats.documents, indexing: this.indexing, loadedFrom: this.loadedFrom, loadMs: this.loadMs, buildMs: this.buildMs, lastSave: this.lastSave, stats, notice: this.notice };
  }

  /** The memory of the thread the index runs in, after collections when the runtime allows them (--expose-gc). */
  async memory(): Promise<NodeJS.MemoryUsage> {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    // Buffers are released after the collection that found them garbage: give that a turn, then collect again.
    await yieldToQueries();
    gc?.();
    return process.memoryUsage();
  }

  /**
   * Writes the index now (after any save under way), the changes since the
   * last merge saved as they are; merged first when they have grown enough
   * (or when `merge` asks). A merge runs in slices, so searches are answered
   * meanwhile (from the index as it was); updates wait for it.
   */
  save({ merge = false }: SaveOptions = {}): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.saving = this.saving.then(async () => {
      const started = performance.now();
      if (merge || this.engine.needsMerge()) await this.exclusively(() => this.inTurns(this.engine.compacting()));
      const merged = performance.now();
      this.unsaved = 0;
      await writeSnapshot(this.file, this.engine.toState());
      this.lastSave = { totalMs: performance.now() - started, mergeMs: merged - started };
    });
    return this.saving;
  }

  /** Resolves once the first build (if one is under way) is done and the updates that waited for it applied. */
  settled(): Promise<void> {
    return this.building;
  }

  /** Stops the save timer and waits for a save under way. */
  async close(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await this.saving.catch(() => undefined);
  }

  private input(doc: LibraryDocument): DocumentInput {
    return { id: doc.id, title: doc.title, date: doc.date, fingerprint: textPrint(doc) };
  }

  /** A document's reading blocks, from its text in the data folder ([] when the text is missing). */
  private passagesOf(doc: LibraryDocument): PassageInput[] {
    let text: string;
    try {
      text = readFileSync(join(this.dataDir, 'texts', `${doc.id}.txt`), 'utf8');
    } catch {
      return [];
    }
    return toBlocks(text, doc.format).map((b) => ({ block: b.index, start: b.start, text: b.text }));
  }

  /** The first build: straight into a new segment, giving queries a turn between slices. */
  private async build(docs: LibraryDocument[]): Promise<void> {
    const started = performance.now();
    const builder = new EngineBuilder({ characters: docs.reduce((sum, d) => sum + d.length, 0) });
    this.indexing = { done: 0, total: docs.length };
    await this.inSlices(docs, (doc) => {
      builder.add(this.input(doc), this.passagesOf(doc));
      (this.indexing as IndexProgress).done++;
    });
    this.engine = await this.inTurns(builder.finishing());
    this.buildMs = performance.now() - started;
    this.indexing = null;
    this.loadedFrom = 'built';
    for (const apply of this.waiting.splice(0)) apply();
    await this.save();
  }

  private async inSlices<T>(items: T[], each: (item: T) => void): Promise<void> {
    let slice = performance.now();
    for (const item of items) {
      each(item);
      if (performance.now() - slice > BUILD_SLICE_MS) {
        await yieldToQueries();
        slice = performance.now();
      }
    }
  }

  /** Runs a step-by-step job, letting queries in whenever a slice of time is used up. */
  private async inTurns<T>(job: Generator<void, T>): Promise<T> {
    let slice = performance.now();
    for (let step = job.next(); ; step = job.next()) {
      if (step.done) return step.value;
      if (performance.now() - slice > BUILD_SLICE_MS) {
        await yieldToQueries();
        slice = performance.now();
      }
    }
  }

  /** Runs `work` with updates held back until it is done (they must not change what it reads). */
  private async exclusively<T>(work: () => Promise<T>): Promise<T> {
    this.merging = true;
    try {
      return await work();
    } finally {
      this.merging = false;
      for (const apply of this.waiting.splice(0)) apply();
    }
  }

  private update(apply: () => void): void {
    if (this.indexing || this.merging) this.waiting.push(apply);
    else apply();
  }

  /** Counts changed entries; merges and saves when the delta is big, or after a quiet spell when enough changed. */
  private changed(entries: number): void {
    this.unsaved += entries;
    if (this.engine.needsMerge()) {
      void this.save().catch((error: unknown) => this.failedSave(error));
      return;
    }
    if (this.unsaved < SAVE_AFTER_ENTRIES) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save().catch((error: unknown) => this.failedSave(error)), SAVE_IDLE_MS);
    this.saveTimer.unref();
  }

  private failedSave(error: unknown): void {
    this.notice = `The search index could not be saved (${(error as Error).message}); it will be rebuilt or updated at the next start.`;
  }
}

/**
 * The service as its host calls it, in the worker (worker.ts, through
 * comlink) or on the calling thread: every call starts as soon as it
 * arrives, in the order sent, except that nothing starts before the saved
 * index has been read (`open`): a search or an update sent right after it
 * must see the index.
 */
export function serve(service: SearchService) {
  let loaded: Promise<unknown> = Promise.resolve();
  const after =
    <A extends unknown[], R>(call: (...args: A) => R) =>
    (...args: A): Promise<Awaited<R>> =>
      loaded.then(() => call(...args)) as Promise<Awaited<R>>;
  return {
    open: (): Promise<void> => (loaded = service.open()) as Promise<void>,
    sync: after((library: LibraryDocument[]) => service.sync(library)),
    setDocument: after((doc: LibraryDocument) => service.setDocument(doc)),
    removeDocument: after((docId: string) => service.removeDocument(docId)),
    setNotes: after((docId: string, notes: NoteInput[]) => service.setNotes(docId, notes)),
    search: after((query: QueryTerms, limit: number, scope: Scope) => service.search(query, limit, scope)),
    findInDocument: after((docId: string, query: QueryTerms) => service.findInDocument(docId, query)),
    status: after(() => service.status()),
    memory: after(() => service.memory()),
    save: after((options?: SaveOptions) => service.save(options)),
    settled: after(() => service.settled()),
    close: after(() => service.close()),
  };
}

/** The service's calls, each answered with a promise. */
export type ServiceCalls = ReturnType<typeof serve>;
