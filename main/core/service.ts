import { EventEmitter } from 'node:events';
import type { ApiImpl } from '../common/contract';
import { Annotations } from './annotations/annotations';
import { annotationsApi } from './api/annotations';
import { documentsApi } from './api/documents';
import { entitiesApi } from './api/entities';
import { ioApi } from './api/io';
import { defaultReadWorker } from './io/import/reader';
import { readingApi } from './api/reading';
import { searchApi } from './api/search';
import { settingsApi } from './api/settings';
import { tagsApi } from './api/tags';
import type { CoreContext } from './context';
import { Entities } from './entities/entities';
import type { CoreEmitter, CoreEvents } from './events';
import { Documents } from './library/documents';
import { seedLibrary } from './library/seed';
import { Settings } from './library/settings';
import { SearchIndex } from './search/search-index';
import { Store } from './store/store';
import { Tags } from './tags/tags';

export interface DossierOptions {
  dataDir: string;
  seedDir: string;
  version: string;
  /** The import worker's script: by default the one bundled next to the core; null reads imported files on this thread. */
  importWorker?: URL | null;
}

/** The knowledge base behind every transport: plain Node, no Electron. */
export interface Dossier {
  readonly api: ApiImpl;
  readonly store: Store;
  /** What happens in the core, for the shell (e.g. the desktop theme follows settingsChanged). */
  readonly events: CoreEmitter;
}

/**
 * The composition root: opens the data folder, seeds it on first run, opens
 * each module with the few others it needs, and builds the API from them.
 */
export async function openDossier(options: DossierOptions): Promise<Dossier> {
  const store = await Store.open(options.dataDir, { app: options.version });
  // Started first, not awaited: the saved search index loads in its worker while the rest of the core opens.
  const index = SearchIndex.start({ dataDir: store.dir, notices: store.notices });
  const documents = await Documents.open(store);
  await seedLibrary(documents, options.seedDir);
  const events: CoreEmitter = new EventEmitter<CoreEvents>();
  const annotations = await Annotations.open(store, documents, events);
  index.follow({ library: () => documents.list(), notes: annotations }, events);
  const entities = await Entities.open(store, documents, annotations, events);
  const tags = await Tags.open(store, documents, annotations, events);
  const settings = await Settings.open(store, events);
  const ctx: CoreContext = { store, documents, index, events, settings, annotations, entities, tags };
  store.ready();

  const api: ApiImpl = {
    ...documentsApi(ctx, options.version),
    ...searchApi(ctx),
    ...annotationsApi(ctx),
    ...settingsApi(ctx),
    ...ioApi(ctx, options.importWorker === undefined ? defaultReadWorker() : options.importWorker),
    ...entitiesApi(ctx),
    ...tagsApi(ctx),
    ...readingApi(ctx),
  };
  await index.ready;
  return { api, store, events };
}
