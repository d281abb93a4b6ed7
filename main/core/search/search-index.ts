/**
 * Full-text search over the library: the API side.
 *
 * The index lives in a worker thread (search-worker.ts running a
 * SearchService), so building it, answering each keystroke and saving it
 * never block the process that serves the window. This module is the
 * process's handle on it: it forwards updates (fire and forget, applied in
 * the order sent) and queries (answered with a promise).
 *
 * For other modules: the index indexes documents by itself (it follows the
 * documentChanged / documentRemoved events and re-reads the texts). Notes
 * are fed to it by the annotations module:
 *
 *   ctx.index.setNotes(docId, notes)   every note of the document, each { id, text, tags, start }
 *
 * Each call replaces what the index had for that document (an empty list
 * removes them); an unchanged list costs nothing. Notes then come up in
 * search results as hits of kind 'note'. Entity names, and the tag:,
 * entity: and type: filters, are worked out here from the entities and tags
 * modules (search-scope.ts).
 */
import type { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ApiImpl, Block, DocumentMatch, Notice, SearchResult } from '../../common/contract';
import { DossierError } from '../../common/errors';
import type { CoreContext, CoreEvents } from '../context';
import type { NoteInput, PassageInput } from './engine/entries';
import { parseQuery } from './query';
import { SearchScope } from './scope';
import { SearchService, type LibraryDocument, type ServiceMethod, type ServiceReply, type ServiceStatus } from './service';

export { makeSnippet } from '../text/snippets';
export type { NoteInput } from './engine/entries';
export type { LibraryDocument, ServiceStatus } from './service';

type Remote = Pick<SearchService, ServiceMethod>;
type Call = <K extends ServiceMethod>(method: K, ...args: Parameters<Remote[K]>) => Promise<Awaited<ReturnType<Remote[K]>>>;

interface Host {
  call: Call;
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
  private library: () => LibraryDocument[] = () => [];
  private restarts = 0;
  private synced: Promise<void> = Promise.resolve();
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
  static async open(options: SearchIndexOptions & { library: () => LibraryDocument[]; events?: EventEmitter<CoreEvents> }): Promise<SearchIndex> {
    const index = SearchIndex.start(options);
    index.follow(options.library, options.events);
    await index.ready;
    return index;
  }

  /**
   * Brings the index up to date with the library (`library()` is read now,
   * and whenever the worker has to start again), then keeps it so through
   * documentChanged / documentRemoved. Calls made meanwhile wait their turn.
   */
  follow(library: () => LibraryDocument[], events?: EventEmitter<CoreEvents>): void {
    this.library = library;
    this.sync();
    events?.on('documentChanged', (docId) => this.setDocument(docId));
    events?.on('documentRemoved', (docId) => this.removeDocument(docId));
  }

  /**
   * Indexes a document again from its text (or from `blocks` when the caller
   * has them). Indexing the same text twice costs nothing. `_title` is kept
   * for callers written before the index read titles from the library.
   */
  setDocument(docId: string, _title?: string, blocks?: Block[]): Promise<void> {
    const doc = this.library().find((d) => d.id === docId);
    if (!doc) return Promise.resolve();
    const passages: PassageInput[] | undefined = blocks?.map((b) => ({ block: b.index, start: b.start, text: b.text }));
    return this.update('setDocument', doc, passages);
  }

  removeDocument(docId: string): Promise<void> {
    return this.update('removeDocument', docId);
  }

  /** Replaces the notes of a document in the index (see the module comment). */
  setNotes(docId: string, notes: NoteInput[]): Promise<void> {
    return this.update('setNotes', docId, notes);
  }

  /** Documents matching `q` (within `scope`, document ids, when given). */
  async search(q: string, limit: number, scope: readonly string[] | null = null): Promise<Omit<SearchResult, 'entities'>> {
    const started = performance.now();
    const answer = await this.call('search', q, limit, scope);
    return { ...answer, tookMs: performance.now() - started };
  }

  findInDocument(docId: string, q: string): Promise<DocumentMatch[]> {
    return this.call('findInDocument', docId, q);
  }

  status(): Promise<ServiceStatus> {
    return this.call('status');
  }

  /** The memory of the index's thread (for the benchmark). */
  memory(): Promise<NodeJS.MemoryUsage> {
    return this.call('memory');
  }

  /** Writes the index to disk now (it also saves itself when enough has changed). */
  save(): Promise<void> {
    return this.call('save');
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
    const loaded = this.host.call('open').then(async () => {
      const { notice } = await this.host.call('status');
      if (notice) this.options.notices?.push({ level: 'warning', message: notice });
    });
    this.ready = loaded;
    return loaded;
  }

  private sync(): void {
    const library = this.library();
    this.synced = this.host.call('sync', library).catch((error: unknown) => console.error(`search: indexing the library failed: ${(error as Error).message}`));
    if (library.length <= INDEX_BEFORE_OPENING) this.ready = Promise.all([this.ready, this.synced]).then(() => undefined);
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

  private async call<K extends ServiceMethod>(method: K, ...args: Parameters<Remote[K]>): Promise<Awaited<ReturnType<Remote[K]>>> {
    try {
      return await this.host.call(method, ...args);
    } catch (error) {
      throw new DossierError('internal', `search: ${(error as Error).message}`);
    }
  }

  // An index update must never fail the change that caused it: the index is rebuilt from the library at worst.
  private update<K extends 'setDocument' | 'removeDocument' | 'setNotes'>(method: K, ...args: Parameters<Remote[K]>): Promise<void> {
    return this.host.call(method, ...args).then(
      () => undefined,
      (error: unknown) => console.error(`search: ${method} failed: ${(error as Error).message}`),
    );
  }
}

function defaultWorker(): URL | null {
  const bundled = new URL('./search-worker.js', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : null;
}

function inlineHost(dataDir: string): Host {
  const service = new SearchService(dataDir);
  // The worker's order (search-worker.ts): nothing starts before the saved index has been read.
  let loaded: Promise<unknown> = Promise.resolve();
  const run = (method: ServiceMethod, args: unknown[]) => Promise.resolve((service[method] as (...a: unknown[]) => unknown)(...args));
  return {
    call: ((method: ServiceMethod, ...args: unknown[]) => {
      if (method === 'open') return (loaded = run(method, args));
      return loaded.then(() => run(method, args));
    }) as Call,
    stop: async () => undefined,
  };
}

function workerHost(script: URL, dataDir: string, onCrash: () => void): Host {
  const worker = new Worker(script, { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let stopping = false;
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: ServiceReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiting?.resolve(reply.value as never);
    else waiting?.reject(new Error(reply.message));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => {
    failAll(new Error(`the search worker stopped (exit code ${code})`));
    if (!stopping) onCrash();
  });
  return {
    call: (method, ...args) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, method, args });
      }),
    stop: async () => {
      stopping = true;
      await worker.terminate();
    },
  };
}

type Methods<K extends keyof ApiImpl> = Pick<ApiImpl, K>;

/** The search API: passages and notes from the index, entities and filters from their modules. */
export function searchApi(ctx: CoreContext): Methods<'search' | 'findInDocument'> {
  const { index, documents } = ctx;
  const scopes = new SearchScope(ctx);
  return {
    search: async ({ q, limit }) => {
      const started = performance.now();
      const parsed = parseQuery(q);
      const scope = await scopes.resolve(parsed.filters);
      const entities = scopes.matchEntities(parsed);
      const found = await index.search(q, limit ?? 20, scope.docIds);
      return { ...found, entities, problems: [...found.problems, ...scope.problems], tookMs: performance.now() - started };
    },
    findInDocument: (id, q) => {
      documents.get(id);
      return index.findInDocument(id, q);
    },
  };
}
