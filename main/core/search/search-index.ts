/**
 * Full-text search over the library: the API side.
 *
 * The index lives in a worker thread (worker.ts running a SearchService,
 * called through comlink), so building it, answering each keystroke and
 * saving it never block the process that serves the window. This module is
 * the process's handle on it: it forwards updates (fire and forget, applied
 * in the order sent) and queries (answered with a promise), parsed and with
 * their filters resolved on this side (api/search.ts, scope.ts).
 *
 * The index keeps itself in step with the library: it follows the
 * documentChanged / documentRemoved events (and re-reads the texts) and
 * annotationsChanged (and asks the annotations for that document's notes,
 * which then come up in search results as hits of kind 'note'). An
 * unchanged document or list of notes costs nothing. Entity names, and the
 * tag:, entity: and type: filters, are worked out from the entities and tags
 * modules (scope.ts).
 */
import { releaseProxy, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentMatch, Notice } from '../../common/contract';
import { DossierError } from '../../common/errors';
import type { Annotations } from '../annotations/annotations';
import type { CoreEmitter } from '../events';
import type { NoteInput } from './engine/entries';
import type { QueryTerms, Scope } from './query';
import { SearchService, serve, type IndexAnswer, type LibraryDocument, type SaveOptions, type ServiceCalls, type ServiceStatus } from './service';

export type { IndexAnswer, LibraryDocument, ServiceStatus } from './service';

/** What the index follows: the library's documents and, when there are annotations, their notes. */
export interface IndexSource {
  library: () => LibraryDocument[];
  notes?: Pick<Annotations, 'annotatedDocuments' | 'notesOf'>;
}

type Method = keyof ServiceCalls;

/** Where the service runs: its worker, or this thread. */
interface Host {
  calls: ServiceCalls;
  stop(): Promise<void>;
}

const MAX_RESTARTS = 3;

/** Libraries up to this size are indexed before the app opens; larger ones in the background, with progress shown. */
const INDEX_BEFORE_OPENING = 500;

export interface SearchIndexOptions {
  dataDir: string;
  /** Where to tell the user that a saved index could not be used (the store's notices). */
  notices?: Notice[];
  /**
   * The worker script. By default the search-worker.js bundled next to this
   * module; when there is none (running from sources, as unit tests do) the
   * index runs on the calling thread. `null` forces that.
   */
  worker?: URL | null;
}

/** The search index of a library, running in its worker. */
export class SearchIndex {
  private host: Host;
  private source: IndexSource = { library: () => [] };
  private restarts = 0;
  private synced: Promise<void> = Promise.resolve();
  /** Notes being read for the index: a search waits for them, so it sees every note saved before it was asked. */
  private readonly feeding = new Set<Promise<void>>();
  /**
   * Resolves once the index can answer: loaded (a large library is then
   * indexed in the background, with progress in search results) or, for a
   * library of up to INDEX_BEFORE_OPENING documents, brought up to date.
   */
  ready: Promise<void> = Promise.resolve();

  private constructor(private readonly options: SearchIndexOptions) {
    this.host = this.startHost();
  }

  /**
   * Starts reading the saved index, in its worker, without waiting: the
   * rest of the app starts meanwhile. Then `follow` gives it the library.
   */
  static start(options: SearchIndexOptions): SearchIndex {
    const index = new SearchIndex(options);
    index.load();
    return index;
  }

  /** Starts the index on a library and waits until it is ready. */
  static async open(options: SearchIndexOptions & IndexSource & { events?: CoreEmitter }): Promise<SearchIndex> {
    const index = SearchIndex.start(options);
    index.follow(options, options.events);
    await index.ready;
    return index;
  }

  /**
   * Brings the index up to date with the library and its notes (read now,
   * and whenever the worker has to start again), then keeps it so through
   * the core's events. Calls made meanwhile wait their turn.
   */
  follow(source: IndexSource, events?: CoreEmitter): void {
    this.source = source;
    this.sync();
    events?.on('documentChanged', (docId) => void this.setDocument(docId));
    events?.on('documentRemoved', (docId) => void this.removeDocument(docId));
    events?.on('annotationsChanged', (docId) => void this.feedNotes(docId));
  }

  /** Indexes a document again from its text; indexing the same text twice costs nothing. */
  setDocument(docId: string): Promise<void> {
    const doc = this.source.library().find((d) => d.id === docId);
    if (!doc) return Promise.resolve();
    return this.update('setDocument', doc);
  }

  removeDocument(docId: string): Promise<void> {
    return this.update('removeDocument', docId);
  }

  /** The documents matching a query's words within its scope (its filters, resolved by scope.ts). */
  async search(query: QueryTerms, limit: number, scope: Scope): Promise<IndexAnswer> {
    await Promise.all(this.feeding);
    return this.call('search', terms(query), limit, scope);
  }

  findInDocument(docId: string, query: QueryTerms): Promise<DocumentMatch[]> {
    return this.call('findInDocument', docId, terms(query));
  }

  status(): Promise<ServiceStatus> {
    return this.call('status');
  }

  /** The memory of the index's thread (for the benchmark). */
  memory(): Promise<NodeJS.MemoryUsage> {
    return this.call('memory');
  }

  /** Writes the index to disk now (it also saves itself when enough has changed). */
  save(options?: SaveOptions): Promise<void> {
    return this.call('save', options);
  }

  /** Resolves when the first indexing of the library (if under way) is done. */
  async settled(): Promise<void> {
    await this.synced;
    await this.call('settled');
  }

  /** Waits for a save under way and stops the worker. */
  async close(): Promise<void> {
    await this.call('close').catch(() => undefined);
    await this.host.stop();
  }

  private load(): Promise<void> {
    const loaded = this.host.calls.open().then(async () => {
      const { notice } = await this.host.calls.status();
      if (notice) this.options.notices?.push({ level: 'warning', message: notice });
    });
    this.ready = loaded;
    return loaded;
  }

  private sync(): void {
    // Only what the index reads of each document: a large library is copied to the worker at every start.
    const library = this.source.library().map(({ id, title, date, hash, length }) => ({ id, title, date, hash, length }));
    this.synced = this.host.calls.sync(library).catch((error: unknown) => console.error(`search: indexing the library failed: ${(error as Error).message}`));
    if (library.length <= INDEX_BEFORE_OPENING) this.ready = Promise.all([this.ready, this.synced]).then(() => undefined);
    for (const docId of this.source.notes?.annotatedDocuments() ?? []) void this.feedNotes(docId);
  }

  /** Gives the index a document's notes, each where its highlight now starts; an unchanged list costs nothing. */
  private feedNotes(docId: string): Promise<void> {
    const { notes } = this.source;
    if (!notes) return Promise.resolve();
    const fed = notes.notesOf(docId).then(
      (list: NoteInput[]) => this.update('setNotes', docId, list),
      // The index must never fail a save: at worst it is rebuilt from the library.
      (error: unknown) => console.error(`search: could not index the notes of ${docId}: ${(error as Error).message}`),
    );
    this.feeding.add(fed);
    void fed.finally(() => this.feeding.delete(fed));
    return fed;
  }

  private startHost(): Host {
    const script = this.options.worker === undefined ? defaultWorker() : this.options.worker;
    return script ? workerHost(script, this.options.dataDir, () => this.restart()) : inlineHost(this.options.dataDir);
  }

  /** The worker stopped unexpectedly: start another on the same folder, which reloads the saved index (three times at most). */
  private restart(): void {
    if (++this.restarts > MAX_RESTARTS) {
      console.error('search: the search worker keeps stopping; search is unavailable until Dossier is started again');
      return;
    }
    console.error('search: the search worker stopped; starting it again');
    this.host = this.startHost();
    void this.load();
    this.sync();
  }

  private async call<K extends Method>(method: K, ...args: Parameters<ServiceCalls[K]>): Promise<Awaited<ReturnType<ServiceCalls[K]>>> {
    try {
      return await (this.host.calls[method] as (...a: typeof args) => ReturnType<ServiceCalls[K]>)(...args);
    } catch (error) {
      throw new DossierError('internal', `Search is not available right now: ${(error as Error).message}`);
    }
  }

  // An index update must never fail the change that caused it: the index is rebuilt from the library at worst.
  private update<K extends 'setDocument' | 'removeDocument' | 'setNotes'>(method: K, ...args: Parameters<ServiceCalls[K]>): Promise<void> {
    return (this.host.calls[method] as (...a: typeof args) => Promise<void>)(...args).then(
      () => undefined,
      (error: unknown) => console.error(`search: ${method} failed: ${(error as Error).message}`),
    );
  }
}

function defaultWorker(): URL | null {
  const bundled = new URL('./search-worker.js', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : null;
}

/** Only what the index reads of a query: the rest stays on this side of the worker boundary. */
function terms({ words, phrases, excluded }: QueryTerms): QueryTerms {
  return { words, phrases, excluded };
}

function inlineHost(dataDir: string): Host {
  return { calls: serve(new SearchService(dataDir)), stop: async () => undefined };
}

function workerHost(script: URL, dataDir: string, onCrash: () => void): Host {
  const worker = new Worker(script, { workerData: { dataDir } });
  const remote = wrap<ServiceCalls>(nodeEndpoint(worker));
  let stopping = false;
  let failure: Error | null = null;
  let ended: Error | null = null;
  // comlink leaves a call unanswered when its worker is gone: the calls waiting then fail, and later ones at once.
  const waiting = new Set<(error: Error) => void>();
  worker.on('error', (error) => (failure = error));
  worker.once('exit', (code) => {
    ended = new Error(failure?.message ?? `the search worker stopped (exit code ${code})`);
    for (const reject of waiting) reject(ended);
    waiting.clear();
    if (!stopping) onCrash();
  });
  const calls = new Proxy(remote, {
    get: (target, method: Method) => {
      const call = target[method] as unknown as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          if (ended) return reject(ended);
          waiting.add(reject);
          call(...args)
            .then(resolve, reject)
            .finally(() => waiting.delete(reject));
        });
    },
  }) as unknown as ServiceCalls;
  return {
    calls,
    stop: async () => {
      stopping = true;
      remote[releaseProxy]();
      await worker.terminate();
    },
  };
}
